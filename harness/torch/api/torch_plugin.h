// The LibTorch layer's one entry point: libtgvc_torch.so exports tgvc_torch_entry, which returns
// this table of its parts' interfaces. The torch-free facades reach it through
// torch_plugin_loader.h; each part's interface is a plain-types header beside this one.
// Adding a part: its interface header here, a member below, its folder under harness/torch and one
// line in harness/torch/CMakeLists.txt and in harness/torch/torch_plugin_entry.cc
// (docs/architecture.md, "The LibTorch layer").
#pragma once

#include "harness/core/plugin_loader.h"

namespace tgvc {

class LearnedBackend;    // harness/torch/api/learned_backend.h
class TgvcTorchBackend;  // harness/torch/api/tgvc_torch_backend.h
namespace learned {
class LearnedTorchBackend;  // harness/torch/api/learned_network.h
}  // namespace learned

// Bump whenever this table or an interface it points to changes, so that a library from another
// build is refused (naming both versions) rather than called.
inline constexpr int kTorchPluginAbiVersion = 2;
inline constexpr const char* kTorchPluginEntry = "tgvc_torch_entry";
inline constexpr const char* kTorchPluginLibrary = "libtgvc_torch.so";

struct TorchPlugin {
  PluginTableHeader header;  // first, at every version: the ABI version the library was built with
  const LearnedBackend* metrics = nullptr;  // LPIPS, DISTS, CLIP-SIM, FVD (harness/torch/metrics)
  const TgvcTorchBackend* tgvc = nullptr;   // T-GVC's embedder, tracker, diffusion (harness/torch/tgvc)
  // The learned codecs' model exports: four stages and entropy tables (harness/torch/codecs).
  const learned::LearnedTorchBackend* learned_codecs = nullptr;
};

}  // namespace tgvc

// Defined in libtgvc_torch.so. Returns a process-lifetime TorchPlugin when `abi_version` is
// kTorchPluginAbiVersion of the library's build; otherwise a header carrying the library's own
// version and no parts, so that the caller can say which versions differ.
extern "C" const tgvc::PluginTableHeader* tgvc_torch_entry(int abi_version);
