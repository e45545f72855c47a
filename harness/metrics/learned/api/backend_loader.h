// Finds and loads libtgvc_learned.so (the LibTorch half of the learned metrics) on first use.
// Candidates, in order: $TGVC_LEARNED_BACKEND; the library this build produced; beside the
// executable; ../lib/tgvc-bench/ beside it; the system's library path.
#pragma once

#include <string>
#include <vector>

#include "harness/metrics/learned/learned_backend.h"

namespace tgvc {

struct BackendHandle {
  const LearnedBackend* backend = nullptr;  // null when it could not be loaded
  std::string error;                        // why not, for n/a reasons
};

// Loads once per process (thread-safe); later calls return the same handle.
const BackendHandle& learned_backend();

// Where it looks, in order.
std::vector<std::string> learned_backend_candidates();

}  // namespace tgvc
