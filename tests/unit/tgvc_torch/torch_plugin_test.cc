// The LibTorch layer's one entry point and its loader (harness/torch/api/torch_plugin_loader.h):
// one table with every part, refused with both versions named when the ABI versions differ, and
// the loader's clear error for a missing file or a library without the entry point.
#include "harness/torch/api/torch_plugin_loader.h"

#include <dlfcn.h>

#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/torch/api/learned_backend.h"
#include "harness/torch/api/tgvc_torch_backend.h"

namespace tgvc {
namespace {

using ::testing::HasSubstr;

const std::string kPluginFile = TGVC_TORCH_PLUGIN_FILE;

TEST(TorchPlugin, OneLoadGivesEveryPartOfTheTable) {
  const TorchPluginHandle& h = torch_plugin();
  ASSERT_NE(h.plugin, nullptr) << h.error;
  EXPECT_EQ(h.plugin->header.abi_version, kTorchPluginAbiVersion);
  ASSERT_NE(h.plugin->metrics, nullptr);
  ASSERT_NE(h.plugin->tgvc, nullptr);
  EXPECT_THAT(h.plugin->metrics->description(), HasSubstr("LibTorch"));
  EXPECT_THAT(h.plugin->tgvc->description(), HasSubstr("LibTorch"));
  EXPECT_EQ(&torch_plugin(), &h);  // loaded once per process
}

TEST(TorchPlugin, EntryPointRefusesAnotherAbiVersionNamingTheFileAndBothVersions) {
  const int other = kTorchPluginAbiVersion + 1;
  const TorchPluginHandle h = load_torch_plugin({kPluginFile}, other);
  EXPECT_EQ(h.plugin, nullptr);
  EXPECT_THAT(h.error, HasSubstr("the LibTorch plugin libtgvc_torch.so could not be loaded"));
  EXPECT_THAT(h.error,
              HasSubstr(kPluginFile + ": plugin ABI version " + std::to_string(kTorchPluginAbiVersion) +
                        ", this program needs version " + std::to_string(other)));

  // The entry point itself answers another version with its header alone, never with the parts.
  void* lib = ::dlopen(kPluginFile.c_str(), RTLD_NOW | RTLD_LOCAL);
  ASSERT_NE(lib, nullptr) << ::dlerror();
  const auto entry = reinterpret_cast<PluginEntry>(::dlsym(lib, kTorchPluginEntry));
  ASSERT_NE(entry, nullptr);
  const PluginTableHeader* refused = entry(other);
  ASSERT_NE(refused, nullptr);
  EXPECT_EQ(refused->abi_version, kTorchPluginAbiVersion);
  const PluginTableHeader* accepted = entry(kTorchPluginAbiVersion);
  ASSERT_NE(accepted, nullptr);
  EXPECT_NE(accepted, refused);
  EXPECT_NE(reinterpret_cast<const TorchPlugin*>(accepted)->metrics, nullptr);
  EXPECT_NE(reinterpret_cast<const TorchPlugin*>(accepted)->tgvc, nullptr);
  EXPECT_NE(reinterpret_cast<const TorchPlugin*>(accepted)->learned_codecs, nullptr);
}

TEST(TorchPlugin, MissingFileAndLibraryWithoutTheEntryPointAreNamedWithTheReason) {
  const TorchPluginHandle h = load_torch_plugin({"/nonexistent/libtgvc_torch.so", "libm.so.6"});
  EXPECT_EQ(h.plugin, nullptr);
  EXPECT_THAT(h.error, HasSubstr("the LibTorch plugin libtgvc_torch.so could not be loaded; tried:"));
  EXPECT_THAT(h.error, HasSubstr("\n  /nonexistent/libtgvc_torch.so: "));
  EXPECT_THAT(h.error, HasSubstr("No such file or directory"));
  EXPECT_THAT(h.error, HasSubstr("\n  libm.so.6: no tgvc_torch_entry (a library from another version?)"));
}

TEST(TorchPlugin, CandidatesStartWithTheEnvironmentThenTheBuildsOwnLibrary) {
  ::setenv("TGVC_TORCH_PLUGIN", "/somewhere/libtgvc_torch.so", 1);
  const std::vector<std::string> c = torch_plugin_candidates();
  ::unsetenv("TGVC_TORCH_PLUGIN");
  ASSERT_GE(c.size(), 3u);
  EXPECT_EQ(c[0], "/somewhere/libtgvc_torch.so");
  EXPECT_EQ(c[1], kPluginFile);
  EXPECT_EQ(c.back(), "libtgvc_torch.so");
}

}  // namespace
}  // namespace tgvc
