// Loads each sequence's source video once, shares it between that sequence's cells, and frees
// it when the last of them is done.
#pragma once

#include <exception>
#include <future>
#include <memory>
#include <mutex>
#include <vector>

#include "harness/config/experiment.h"

namespace tgvc {

// Source video of a sequence at the coded size: frame range applied, resized as configured.
Video load_sequence(const SequenceSpec& sequence, const FrameRange& frames, const std::optional<ResizeSpec>& resize);

class SequenceCache {
 public:
  // `uses[i]`: how many cells will acquire sequence i.
  SequenceCache(const Experiment& experiment, std::vector<int> uses);

  // Loads on first use; concurrent callers wait for the one load. A load error is rethrown to
  // every caller. `loaded_here` tells the one caller that did the loading, `load_s` its wall time
  // (0 for the others).
  std::shared_ptr<const Video> acquire(size_t sequence, bool* loaded_here, double* load_s);
  // Call once per acquire (also after a failed one).
  void release(size_t sequence);

 private:
  struct Entry {
    std::shared_future<std::shared_ptr<const Video>> video;
    int remaining = 0;
    bool started = false;
  };
  const Experiment& experiment_;
  std::vector<Entry> entries_;
  std::mutex mutex_;
};

}  // namespace tgvc
