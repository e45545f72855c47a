#include "harness/metrics/trajectory_error_metric.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <utility>

#include "codecs/tgvc/tracking/dense_flow_tracker.h"
#include "codecs/tgvc/tracking/scene_cuts.h"
#include "harness/metrics/metric_input.h"
#include "harness/metrics/trajectory_scores.h"

namespace tgvc {
namespace {

// Queries: a grid x grid lattice of pixel centres on a segment's first frame.
std::vector<TrackQuery> first_frame_queries(const Video& video, int grid) {
  std::vector<TrackQuery> all = grid_queries(video.info.width, video.info.height, 1, grid);
  all.resize(static_cast<size_t>(grid) * grid);
  return all;
}

// Clip frames [first, end) as a video of their own.
Video segment_of(const Video& video, int first, int end) {
  Video part;
  part.info = video.info;
  part.frames.assign(video.frames.begin() + first, video.frames.begin() + end);
  return part;
}

// The generator's ground truth for queries on clip frame `first`, through frames [first, end).
Tracks truth_tracks(const MotionTruth& truth, const std::vector<TrackQuery>& queries, int first, int end) {
  Tracks tracks;
  for (const TrackQuery& q : queries) {
    Track t;
    for (int f = first; f < end; ++f) {
      double x = q.x, y = q.y;
      const bool visible = truth.track(q.x, q.y, first, f, &x, &y);
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

std::string TrajectoryErrorMetric::description() const {
  return "motion fidelity: TAP-Vid average position accuracy (delta_avg, the headline) and end-point error "
         "of "
         "points tracked in the decoded video against the source (ground truth for synthetic sources)";
}

const std::vector<ParamSpec>& TrajectoryErrorMetric::param_specs() const {
  // clang-format off
  static const std::vector<ParamSpec> specs = {
      {"grid", ParamType::kInt, "16", 2, 128, {},
       "queries: a grid x grid lattice of pixel centres on the first frame of each scene", ""},
      {"truth", ParamType::kString, "auto", 0, -1, {"auto", "tracker"},
       "auto: the synthetic generator's ground truth when the source has one, else the tracker on the "
       "source; tracker: always the tracker", ""},
      {"include-first-frame", ParamType::kBool, "false", 0, -1, {},
       "count each scene's first frame, where tracked points start exactly at their queries", ""},
      {"cut-threshold", ParamType::kReal, "0.15", 0, 1, {},
       "a scene cut lies where the luma histograms of two source frames differ by more than this "
       "(total variation; 1: none)", ""},
  };
  // clang-format on
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
  const bool include_query_frame = option("include-first-frame") == "true";
  const std::vector<int> cuts = scene_cuts(ref, std::stod(option("cut-threshold")));

  // Each scene is tracked on its own, from a fresh lattice on its first frame.
  const std::vector<TrackQuery> queries = first_frame_queries(ref, grid);
  const DenseFlowTracker tracker;
  TrajectoryTally tally(ref.frame_count());
  std::vector<int> bounds = {0};
  bounds.insert(bounds.end(), cuts.begin(), cuts.end());
  bounds.push_back(ref.frame_count());
  for (size_t s = 0; s + 1 < bounds.size(); ++s) {
    const int first = bounds[s], end = bounds[s + 1];
    const Tracks reference = use_truth ? truth_tracks(*context.motion_truth, queries, first, end)
                                       : tracker.track(segment_of(ref, first, end), queries);
    const Tracks predicted = tracker.track(segment_of(dist, first, end), queries);
    tally.add(reference, predicted, first, include_query_frame);
  }
  const TrajectorySummary s = tally.summary();

  const std::string convention = fmt::format(
      "TAP-Vid rule at the coded resolution; reference: {}; decoded side: the dense-flow tracker (DIS "
      "flow chained frame to frame, a point failing its forward-backward check is lost); {}x{} lattice "
      "of pixel centres on the first frame of each scene, restarted after each scene cut (luma-histogram "
      "total variation > {}; {}); {} counted; scored: (point, frame) visible on the source side; a point "
      "lost on the decoded side is a miss at every threshold and has no end-point error; delta_avg: mean "
      "over 1, 2, 4, 8, 16 px of the share within; end-point error: mean over pairs followed on both sides",
      use_truth ? "synthetic ground truth" : "the dense-flow tracker on the source", grid, grid,
      option("cut-threshold"), cut_list(cuts),
      include_query_frame ? "each scene's first frame" : "no query frame");
  std::vector<MetricValue> out;
  if (s.scored == 0) {
    for (const auto& [name, unit] :
         {std::pair{"trajectory_delta_avg", "share"}, std::pair{"trajectory_error", "px"}}) {
      MetricValue m = value(name, std::numeric_limits<double>::quiet_NaN(), unit, convention);
      m.reason = "no query point is visible on the source side after its first frame";
      out.push_back(m);
    }
    return out;
  }
  MetricValue headline = value("trajectory_delta_avg", s.delta_avg, "share", convention);
  headline.per_frame = s.frame_delta_avg;
  out.push_back(headline);
  MetricValue error = value("trajectory_error", s.mean_error, "px", convention);
  error.per_frame = s.frame_error;
  out.push_back(error);
  out.push_back(value("trajectory_error_macro", s.macro_error, "px", convention));
  out.push_back(value("trajectory_error_median", s.median_error, "px", convention));
  for (size_t i = 0; i < kTrackErrorThresholds.size(); ++i) {
    out.push_back(value(fmt::format("trajectory_within_{}px", kTrackErrorThresholds[i]), s.within[i], "share",
                        "share of the scored (point, frame) pairs followed on the decoded side within the "
                        "distance; lost points count as outside"));
  }
  out.push_back(
      value("trajectory_followed_share", s.followed_share, "share",
            "share of the scored (point, frame) pairs that the decoded-side tracker still follows"));
  return out;
}

}  // namespace tgvc
