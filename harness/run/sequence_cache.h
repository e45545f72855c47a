// Loads each sequence's source video once, shares it between that sequence's cells, and frees
// it when the last of them is done; the same for what metrics prepare from the source
// (Metric::prepare), kept per sequence and key.
#pragma once

#include <exception>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "harness/config/experiment.h"
#include "harness/metrics/metric.h"

namespace tgvc {

// Source video of a sequence at the coded size: frame range applied, resized as configured.
Video load_sequence(const SequenceSpec& sequence, const FrameRange& frames,
                    const std::optional<ResizeSpec>& resize);

class SequenceCache {
 public:
  // `uses[i]`: how many cells will acquire sequence i.
  SequenceCache(const Experiment& experiment, std::vector<int> uses);

  // Loads on first use; concurrent callers wait for the one load. A load error is rethrown to
  // every caller. `loaded_here` tells the one caller that did the loading, `load_s` its wall time
  // (0 for the others).
  std::shared_ptr<const Video> acquire(size_t sequence, bool* loaded_here, double* load_s);
  // Call once per acquire (also after a failed one). The last release frees the video and every
  // prepared state of the sequence.
  void release(size_t sequence);

  // The state `make` returns for `key` (metric id and Metric::prepared_source_key), made on the
  // first call for this sequence and key; concurrent callers wait for that one. An error is
  // rethrown to every caller. Call between acquire and release of the sequence.
  std::shared_ptr<const PreparedSource> prepared(
      size_t sequence, const std::string& key,
      const std::function<std::shared_ptr<const PreparedSource>()>& make);

  // True for the first caller of this run with `frame` of `sequence`: the one cell that writes
  // that source still; the others that chose the same frame skip writing the same picture.
  bool first_still(size_t sequence, int frame);

 private:
  using SharedPrepared = std::shared_future<std::shared_ptr<const PreparedSource>>;
  struct Entry {
    std::shared_future<std::shared_ptr<const Video>> video;
    std::map<std::string, SharedPrepared> prepared;
    int remaining = 0;
    bool started = false;
  };
  const Experiment& experiment_;
  std::vector<Entry> entries_;
  std::set<std::pair<size_t, int>> stills_;
  std::mutex mutex_;
};

}  // namespace tgvc
