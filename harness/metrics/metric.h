// The metric interface. A metric is one file with a descriptor and one line in
// harness/metrics/registry.cc. Metrics never open files or know codecs.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "harness/core/frame.h"
#include "harness/core/params.h"
#include "harness/results/metric_value.h"

namespace tgvc {

// Motion ground truth a dataset can supply (the synthetic sequences know every point's path).
class MotionTruth {
 public:
  virtual ~MotionTruth() = default;
  // Where the scene point at (x, y) of frame `from` is in frame `to` (frames of the measured
  // video, continuous pixel coordinates); false when it is not visible there.
  virtual bool track(double x, double y, int from, int to, double* out_x, double* out_y) const = 0;
};

// What a metric computes from the source alone (e.g. the trajectory metric's source-side tracks):
// made once per sequence by Metric::prepare and shared by every cell of it. Opaque to the runner.
class PreparedSource {
 public:
  virtual ~PreparedSource() = default;
};

// What a metric may use beyond the two videos.
struct MetricContext {
  const MotionTruth* motion_truth = nullptr;
  // This metric's prepare() of this very source, with options and context of the same
  // prepared_source_key; nullptr: the metric computes its source side itself.
  const PreparedSource* prepared_source = nullptr;
};

class FramePair;  // harness/metrics/frame_pair.h

// A per-frame metric's running state over one pair of clips: fed frame pairs as they are decoded,
// so a caller never holds the clips (harness/metrics/frame_metrics.h feeds several at once).
class FrameAccumulator {
 public:
  virtual ~FrameAccumulator() = default;
  // Measures frame `index` of both clips. Thread-safe: frames may come in any order and
  // concurrently; each index once.
  virtual void add(int index, const FramePair& pair) = 0;
  // The values compute() gives on clips of frames 0..n-1 (bit-identical), n the frames added.
  virtual std::vector<MetricValue> finish() = 0;
};

class Metric {
 public:
  virtual ~Metric() = default;

  virtual std::string id() const = 0;
  virtual std::string version() const = 0;
  virtual std::string description() const = 0;
  virtual const std::vector<ParamSpec>& param_specs() const = 0;
  // Files a computation with `options` (resolved) reads (model files), found or not: the cache
  // key fingerprints their contents, so fetching or replacing a model recomputes the cell.
  virtual std::vector<std::string> input_files(const ParamSet& /*options*/) const { return {}; }

  // Per-sequence values for `dist` against `ref`. Both have the same geometry, format and frame
  // count (the runner guarantees it; InputError otherwise). Thread-safe. The first value is the
  // metric's headline, which reports show among their main metrics (reports/main_metrics.h).
  virtual std::vector<MetricValue> compute(const Video& ref, const Video& dist,
                                           const ParamSet& options) const = 0;
  // The same with context; metrics that use none keep this default.
  virtual std::vector<MetricValue> compute_in_context(const Video& ref, const Video& dist,
                                                      const ParamSet& options,
                                                      const MetricContext& /*context*/) const {
    return compute(ref, dist, options);
  }

  // A per-frame metric's accumulator for clips of these formats (check_frame_inputs holds), which
  // ignores any MetricContext. nullptr (the default): the metric needs whole clips (compute).
  virtual std::unique_ptr<FrameAccumulator> start_frames(const VideoInfo& /*ref*/, const VideoInfo& /*dist*/,
                                                         const ParamSet& /*options*/) const {
    return nullptr;
  }

  // Source-side work that cells of one sequence can share. Two calls with equal non-empty keys
  // (for the same metric and source) prepare equal states, so the runner prepares once per key
  // and sequence. Empty (the default): nothing to prepare.
  virtual std::string prepared_source_key(const ParamSet& /*options*/,
                                          const MetricContext& /*context*/) const {
    return {};
  }
  // The state compute_in_context takes as context.prepared_source; the values are bit-identical
  // to those computed without it. Only called when prepared_source_key is not empty. Thread-safe.
  virtual std::shared_ptr<const PreparedSource> prepare(const Video& /*ref*/, const ParamSet& /*options*/,
                                                        const MetricContext& /*context*/) const {
    return nullptr;
  }
};

const std::vector<const Metric*>& all_metrics();
// nullptr when no metric has that id.
const Metric* find_metric(const std::string& id);

// Throws InputError unless the two videos can be compared sample by sample.
void check_comparable(const Video& ref, const Video& dist);

}  // namespace tgvc
