// The learned codec reaches its networks through the LibTorch layer's plugin; when that plugin
// cannot be loaded, the error names the learned codec and carries the loader's reasons.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "codecs/learned/learned_backend_loader.h"
#include "harness/core/error.h"

namespace tgvc::learned {
namespace {

using ::testing::HasSubstr;

TEST(LearnedBackendLoader, AMissingPluginIsNamedByTheCodecThatNeedsIt) {
  const TorchPluginHandle missing = load_torch_plugin({"/nonexistent/libtgvc_torch.so"});
  ASSERT_EQ(missing.plugin, nullptr);
  try {
    learned_backend_of(missing, "the learned codec");
    FAIL() << "a handle without a plugin was accepted";
  } catch (const Error& e) {
    const std::string message = e.what();
    EXPECT_THAT(message, HasSubstr("the learned codec needs LibTorch: "));
    EXPECT_THAT(message, HasSubstr("libtgvc_torch.so"));
    EXPECT_THAT(message, HasSubstr("/nonexistent/libtgvc_torch.so: "));
  }
}

}  // namespace
}  // namespace tgvc::learned
