#include "harness/metrics/trajectory_error_metric.h"

#include <fmt/format.h>

#include "codecs/tgvc/tracking/flow_tracker.h"
#include "codecs/tgvc/tracking/track_accuracy.h"
#include "harness/metrics/metric_input.h"

namespace tgvc {
namespace {

// Queries: a grid x grid lattice of pixel centres on frame 0.
std::vector<TrackQuery> frame0_queries(const Video& video, int grid) {
  std::vector<TrackQuery> all = grid_queries(video.info.width, video.info.height, video.frame_count(), grid);
  all.resize(static_cast<size_t>(grid) * grid);
  return all;
}

Tracks truth_tracks(const MotionTruth& truth, const std::vector<TrackQuery>& queries, int frames) {
  Tracks tracks;
  for (const TrackQuery& q : queries) {
    Track t;
    for (int f = 0; f < frames; ++f) {
      double x = q.x, y = q.y;
      const bool visible = truth.track(q.x, q.y, 0, f, &x, &y);
      t.x.push_back(static_cast<float>(x));
      t.y.push_back(static_cast<float>(y));
      t.visible.push_back(visible ? 1 : 0);
    }
    tracks.push_back(std::move(t));
  }
  return tracks;
}

MetricValue value(const std::string& name, double v, const std::string& unit, const std::string& convention) {
  MetricValue m;
  m.name = name;
  m.value = v;
  m.unit = unit;
  m.convention = convention;
  return m;
}

}  // namespace

std::string TrajectoryErrorMetric::description() const {
  return "end-point error of tracked points, decoded vs source (ground truth for synthetic sources)";
}

const std::vector<ParamSpec>& TrajectoryErrorMetric::param_specs() const {
  static const std::vector<ParamSpec> specs = {
      {"grid", ParamType::kInt, "16", 2, 128, {}, "queries: a grid x grid lattice of pixel centres on frame 0", ""},
      {"truth", ParamType::kString, "auto", 0, -1, {"auto", "tracker"},
       "auto: the synthetic generator's ground truth when the source has one, else the tracker on the source; "
       "tracker: always the tracker",
       ""},
      {"include-first-frame", ParamType::kBool, "false", 0, -1, {},
       "count frame 0, where tracked points start exactly at their queries", ""},
  };
  return specs;
}

std::vector<MetricValue> TrajectoryErrorMetric::compute(const Video& ref, const Video& dist,
                                                        const ParamSet& options) const {
  return compute_in_context(ref, dist, options, {});
}

std::vector<MetricValue> TrajectoryErrorMetric::compute_in_context(const Video& ref, const Video& dist,
                                                                   const ParamSet& options,
                                                                   const MetricContext& context) const {
  check_metric_inputs(ref, dist);
  const auto option = [&](const char* key) { return option_or_default(options, param_specs(), key); };
  const int grid = std::stoi(option("grid"));
  const bool use_truth = option("truth") == "auto" && context.motion_truth != nullptr;
  const std::vector<TrackQuery> queries = frame0_queries(ref, grid);
  const FlowTracker tracker;
  const Tracks reference = use_truth ? truth_tracks(*context.motion_truth, queries, ref.frame_count())
                                     : tracker.track(ref, queries);
  const Tracks predicted = tracker.track(dist, queries);
  TrackErrorOptions error_options;
  error_options.include_query_frame = option("include-first-frame") == "true";

  // Macro averages per track; per-frame values average the tracks visible in that frame.
  std::vector<std::vector<double>> per_track;
  std::vector<double> frame_sum(ref.frame_count(), 0), frame_count(ref.frame_count(), 0);
  for (size_t i = 0; i < queries.size(); ++i) {
    const Tracks p = {predicted[i]};
    const Tracks r = {reference[i]};
    per_track.push_back(track_distances(p, r, error_options, "trajectory_error"));
    for (int f = error_options.include_query_frame ? 0 : 1; f < ref.frame_count(); ++f) {
      if (!reference[i].visible[f]) continue;
      frame_sum[f] += std::hypot(predicted[i].x[f] - reference[i].x[f], predicted[i].y[f] - reference[i].y[f]);
      frame_count[f] += 1;
    }
  }
  const TrackErrorStats stats = summarize_track_errors(per_track);
  const std::string convention = fmt::format(
      "end-point error at the coded resolution; reference: {}; {}x{} grid of pixel centres on frame 0, both "
      "videos tracked by the flow tracker; frame 0 {}; micro: every (track, frame) where the reference is "
      "visible; macro: per track, then over tracks",
      use_truth ? "synthetic ground truth" : "flow tracker on the source", grid, grid,
      error_options.include_query_frame ? "included" : "excluded");
  std::vector<MetricValue> out;
  if (stats.points == 0) {
    for (const char* name : {"trajectory_error", "trajectory_error_macro"}) {
      MetricValue m = value(name, std::numeric_limits<double>::quiet_NaN(), "px", convention);
      m.available = false;
      m.reason = "no query point is visible in the reference after frame 0";
      out.push_back(m);
    }
    return out;
  }
  MetricValue micro = value("trajectory_error", stats.micro_mean, "px", convention);
  for (int f = 0; f < ref.frame_count(); ++f) {
    micro.per_frame.push_back(frame_count[f] > 0 ? frame_sum[f] / frame_count[f] : std::numeric_limits<double>::quiet_NaN());
  }
  out.push_back(micro);
  out.push_back(value("trajectory_error_macro", stats.macro_mean, "px", convention));
  out.push_back(value("trajectory_error_median", stats.median, "px", convention));
  for (size_t i = 0; i < kTrackErrorThresholds.size(); ++i) {
    out.push_back(value(fmt::format("trajectory_within_{}px", kTrackErrorThresholds[i]), stats.within[i], "share",
                        "share of the micro average's (track, frame) pairs within the distance"));
  }
  return out;
}

}  // namespace tgvc
