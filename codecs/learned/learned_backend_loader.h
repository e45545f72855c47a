// Finds and loads the learned codecs' LibTorch half (libtgvc_learned_codec_torch.so) on first use.
// Candidates, in order: $TGVC_LEARNED_CODEC_BACKEND; the library this build produced; beside the
// executable; ../lib/tgvc-bench/ beside it; the system's library path.
#pragma once

#include <string>

#include "codecs/learned/learned_network.h"

namespace tgvc::learned {

// The backend, or tgvc::Error saying that `what` needs it and why it could not be loaded
// (loaded once per process, thread-safe).
const LearnedTorchBackend& require_learned_backend(const std::string& what);

}  // namespace tgvc::learned
