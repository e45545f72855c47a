#include "harness/metrics/trajectory_error_metric.h"

#include <fmt/format.h>

#include <cmath>

#include "harness/core/error.h"
#include "harness/metrics/metric_input.h"
#include "harness/metrics/metric_values.h"
#include "harness/metrics/trajectory_scores.h"
#include "harness/metrics/trajectory_source.h"
#include "harness/tracking/dense_flow_tracker.h"

namespace tgvc {
namespace {

MetricValue value(const MetricDescriptor& d, const std::string& name, double v,
                  const std::string& convention) {
  MetricValue m = make_value(value_spec(d, name), v, {}, convention);
  if (!std::isfinite(v)) {
    m.available = false;
    m.reason = "the decoded-side tracker lost every scored point";
  }
  return m;
}

std::string cut_list(const std::vector<int>& cuts) {
  if (cuts.empty()) return "no scene cut";
  return fmt::format("scene cuts before frames {}", fmt::join(cuts, ", "));
}

}  // namespace

const ParamTable<TrajectoryErrorOptions>& trajectory_error_option_table() {
  using O = TrajectoryErrorOptions;
  using Row = ParamRow<O>;
  static const EnumNames<TrajectoryTruth> kTruths = {{TrajectoryTruth::kAuto, "auto"},
                                                     {TrajectoryTruth::kTracker, "tracker"}};
  static const ParamTable<O> table({
      Row("grid", &O::grid)
          .range(2, 128)
          .help("queries: a grid x grid lattice of pixel centres on the first frame of each scene"),
      Row("truth", &O::truth, kTruths)
          .help("auto: the synthetic generator's ground truth when the source has one, else the tracker on "
                "the source; tracker: always the tracker"),
      Row("include-first-frame", &O::include_first_frame)
          .help("count each scene's first frame, where tracked points start exactly at their queries"),
      Row("cut-threshold", &O::cut_threshold)
          .range(0, 1)
          .help("a scene cut lies where the luma histograms of two source frames differ by more than this "
                "(total variation; 1: none)"),
  });
  return table;
}

const MetricDescriptor& TrajectoryErrorMetric::descriptor() const {
  static const MetricDescriptor d = [] {
    MetricDescriptor d;
    d.id = "trajectory_error";
    d.kind = MetricKind::kPerSequence;
    d.version = "2 (tracker dense-flow 1)";
    d.description =
        "motion fidelity: TAP-Vid average position accuracy (delta_avg, the headline) and end-point error "
        "of points tracked in the decoded video against the source (ground truth for synthetic sources)";
    d.options = trajectory_error_option_table().specs();
    // The shares rise with quality, the errors fall.
    d.values = {
        higher_is_better("trajectory_delta_avg", "share").as_headline(),
        lower_is_better("trajectory_error", "px"),
        lower_is_better("trajectory_error_macro", "px"),
        lower_is_better("trajectory_error_median", "px"),
    };
    for (double threshold : kTrackErrorThresholds) {
      d.values.push_back(higher_is_better(fmt::format("trajectory_within_{}px", threshold), "share"));
    }
    d.values.push_back(higher_is_better("trajectory_followed_share", "share"));
    return d;
  }();
  return d;
}

std::vector<MetricValue> TrajectoryErrorMetric::compute(const Video& ref, const Video& dist,
                                                        const ParamSet& options) const {
  return compute_in_context(ref, dist, options, {});
}

TrajectorySourceOptions TrajectoryErrorMetric::source_options(const ParamSet& options,
                                                              const MetricContext& context) const {
  const TrajectoryErrorOptions o = trajectory_error_option_table().parse(options);
  TrajectorySourceOptions source;
  source.grid = o.grid;
  source.cut_threshold = o.cut_threshold;
  if (o.truth == TrajectoryTruth::kAuto) source.truth = context.motion_truth;
  return source;
}

std::string TrajectoryErrorMetric::prepared_source_key(const ParamSet& options,
                                                       const MetricContext& context) const {
  return source_options(options, context).key();
}

std::shared_ptr<const PreparedSource> TrajectoryErrorMetric::prepare(const Video& ref,
                                                                     const ParamSet& options,
                                                                     const MetricContext& context) const {
  return std::make_shared<const TrajectorySource>(
      prepare_trajectory_source(ref, source_options(options, context)));
}

std::vector<MetricValue> TrajectoryErrorMetric::compute_in_context(const Video& ref, const Video& dist,
                                                                   const ParamSet& options,
                                                                   const MetricContext& context) const {
  check_metric_inputs(ref, dist);
  if (ref.frame_count() == 0) return unavailable_values(descriptor(), options, "the videos have no frames");
  const TrajectoryErrorOptions o = trajectory_error_option_table().parse(options);
  const bool include_query_frame = o.include_first_frame;
  const TrajectorySourceOptions source_opts = source_options(options, context);
  TrajectorySource own;
  const TrajectorySource* source = nullptr;
  if (context.prepared_source != nullptr) {
    // The runner's sharing must never mix states: a mismatch is a bug, not bad input.
    source = dynamic_cast<const TrajectorySource*>(context.prepared_source);
    if (source == nullptr || source->key != source_opts.key() || source->frames != ref.frame_count() ||
        source->width != ref.info.width || source->height != ref.info.height) {
      throw Error("trajectory_error: the prepared source was made for another source or other options (" +
                  source_opts.key() + ")");
    }
  } else {
    own = prepare_trajectory_source(ref, source_opts);
    source = &own;
  }

  // The decoded side of each scene, from the same queries as the source side.
  const DenseFlowTracker tracker;
  TrajectoryTally tally(ref.frame_count());
  for (size_t i = 0; i < source->scene_starts.size(); ++i) {
    const int first = source->scene_starts[i], end = source->scene_end(i);
    const Tracks predicted = first == 0 && end == dist.frame_count()
                                 ? tracker.track(dist, source->queries)  // one scene: no copy
                                 : tracker.track(segment_of(dist, first, end), source->queries);
    tally.add(source->reference[i], predicted, first, include_query_frame);
  }
  const TrajectorySummary s = tally.summary();

  const std::string convention = fmt::format(
      "TAP-Vid rule at the coded resolution; reference: {}; decoded side: the dense-flow tracker (DIS "
      "flow chained frame to frame, a point failing its forward-backward check is lost); {}x{} lattice "
      "of pixel centres on the first frame of each scene, restarted after each scene cut (luma-histogram "
      "total variation > {}; {}); {} counted; scored: (point, frame) visible on the source side; a point "
      "lost on the decoded side is a miss at every threshold and has no end-point error; delta_avg: mean "
      "over 1, 2, 4, 8, 16 px of the share within; end-point error: mean over pairs followed on both sides",
      source->from_truth ? "synthetic ground truth" : "the dense-flow tracker on the source",
      source_opts.grid, source_opts.grid, o.cut_threshold,
      cut_list({source->scene_starts.begin() + 1, source->scene_starts.end()}),
      include_query_frame ? "each scene's first frame" : "no query frame");
  const MetricDescriptor& d = descriptor();
  if (s.scored == 0) {
    return unavailable_values(
        d, options, "no query point is visible on the source side after its first frame", convention);
  }
  std::vector<MetricValue> out;
  MetricValue headline = value(d, "trajectory_delta_avg", s.delta_avg, convention);
  headline.per_frame = s.frame_delta_avg;
  out.push_back(headline);
  MetricValue error = value(d, "trajectory_error", s.mean_error, convention);
  error.per_frame = s.frame_error;
  out.push_back(error);
  out.push_back(value(d, "trajectory_error_macro", s.macro_error, convention));
  out.push_back(value(d, "trajectory_error_median", s.median_error, convention));
  for (size_t i = 0; i < kTrackErrorThresholds.size(); ++i) {
    out.push_back(value(d, fmt::format("trajectory_within_{}px", kTrackErrorThresholds[i]), s.within[i],
                        "share of the scored (point, frame) pairs followed on the decoded side within the "
                        "distance; lost points count as outside"));
  }
  out.push_back(
      value(d, "trajectory_followed_share", s.followed_share,
            "share of the scored (point, frame) pairs that the decoded-side tracker still follows"));
  return out;
}

}  // namespace tgvc
