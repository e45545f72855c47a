#include "codecs/tgvc/clustering/track_features.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

#include <fmt/format.h>

#include "harness/core/error.h"

namespace tgvc {
namespace {

constexpr const char* kFeatureNames[kTrackFeatureCount] = {
    "start_x",         "start_y",         "middle_x",        "middle_y",          "end_x",
    "end_y",           "net_dx",          "net_dy",          "path_length",       "mean_velocity_x",
    "mean_velocity_y", "step_variance_x", "step_variance_y", "mean_turning_angle"};

void check_track(const Track& track, const std::string& where) {
  if (track.x.empty()) throw InputError(where, "at least one frame", "an empty track");
  if (track.y.size() != track.x.size() || track.visible.size() != track.x.size()) {
    throw InputError(where, fmt::format("x, y and visible of equal length ({} frames)", track.x.size()),
                     fmt::format("{} y and {} visible values", track.y.size(), track.visible.size()));
  }
  if (track.query_frame < 0 || static_cast<size_t>(track.query_frame) >= track.x.size()) {
    throw InputError(where + ".query_frame", fmt::format("a frame in [0, {}]", track.x.size() - 1),
                     fmt::format("{}", track.query_frame));
  }
}

// The frames the features are computed over, in increasing order.
std::vector<int> used_frames(const Track& track, FeatureFrames frames) {
  const int count = static_cast<int>(track.x.size());
  std::vector<int> used;
  used.reserve(count);
  for (int f = 0; f < count; ++f) {
    if (frames == FeatureFrames::kAllFrames || track.visible[f]) used.push_back(f);
  }
  if (used.empty()) used.push_back(track.query_frame);  // never visible: where it was asked for
  return used;
}

}  // namespace

const char* track_feature_name(int feature) {
  return feature >= 0 && feature < kTrackFeatureCount ? kFeatureNames[feature] : "unknown";
}

TrackFeatureVector track_feature_vector(const Track& track, FeatureFrames frames, const std::string& where) {
  check_track(track, where);
  const std::vector<int> used = used_frames(track, frames);
  for (int f : used) {
    if (!std::isfinite(track.x[f]) || !std::isfinite(track.y[f])) {
      throw InputError(fmt::format("{} frame {}", where, f), "finite coordinates",
                       fmt::format("({}, {})", track.x[f], track.y[f]));
    }
  }
  const int n = static_cast<int>(used.size());
  auto px = [&](int i) { return static_cast<double>(track.x[used[i]]); };
  auto py = [&](int i) { return static_cast<double>(track.y[used[i]]); };

  TrackFeatureVector out{};
  out[kFeatureStartX] = px(0);
  out[kFeatureStartY] = py(0);
  out[kFeatureMiddleX] = px(n / 2);
  out[kFeatureMiddleY] = py(n / 2);
  out[kFeatureEndX] = px(n - 1);
  out[kFeatureEndY] = py(n - 1);
  if (n < 2) return out;  // one usable frame: no motion

  out[kFeatureNetDx] = px(n - 1) - px(0);
  out[kFeatureNetDy] = py(n - 1) - py(0);
  const double span = used[n - 1] - used[0];
  out[kFeatureMeanVelocityX] = out[kFeatureNetDx] / span;
  out[kFeatureMeanVelocityY] = out[kFeatureNetDy] / span;

  // Per-frame steps: the difference of consecutive used frames over their frame gap (1 for kAllFrames).
  const int steps = n - 1;
  std::vector<double> sx(steps), sy(steps);
  double path = 0;
  for (int i = 0; i < steps; ++i) {
    const double dx = px(i + 1) - px(i);
    const double dy = py(i + 1) - py(i);
    path += std::sqrt(dx * dx + dy * dy);
    const double gap = used[i + 1] - used[i];
    sx[i] = dx / gap;
    sy[i] = dy / gap;
  }
  out[kFeaturePathLength] = path;

  double mean_x = 0, mean_y = 0;
  for (int i = 0; i < steps; ++i) {
    mean_x += sx[i];
    mean_y += sy[i];
  }
  mean_x /= steps;
  mean_y /= steps;
  double var_x = 0, var_y = 0;
  for (int i = 0; i < steps; ++i) {
    var_x += (sx[i] - mean_x) * (sx[i] - mean_x);
    var_y += (sy[i] - mean_y) * (sy[i] - mean_y);
  }
  out[kFeatureStepVarianceX] = var_x / steps;
  out[kFeatureStepVarianceY] = var_y / steps;

  // Turning: pairs of consecutive steps that both move (as the paper's code, which skips zero steps).
  // atan2(|cross|, dot) is the paper's arccos(cosine) without its rounding near 0 and pi.
  double angle_sum = 0;
  int angle_count = 0;
  for (int i = 0; i + 1 < steps; ++i) {
    const bool moves = (sx[i] != 0 || sy[i] != 0) && (sx[i + 1] != 0 || sy[i + 1] != 0);
    if (!moves) continue;
    const double cross = sx[i] * sy[i + 1] - sy[i] * sx[i + 1];
    const double dot = sx[i] * sx[i + 1] + sy[i] * sy[i + 1];
    angle_sum += std::atan2(std::abs(cross), dot);
    ++angle_count;
  }
  out[kFeatureMeanTurningAngle] = angle_count > 0 ? angle_sum / angle_count : 0.0;
  return out;
}

FeatureMatrix track_features(const Tracks& tracks, FeatureFrames frames) {
  FeatureMatrix matrix(static_cast<int>(tracks.size()), kTrackFeatureCount);
  for (size_t t = 0; t < tracks.size(); ++t) {
    const TrackFeatureVector row = track_feature_vector(tracks[t], frames, fmt::format("tracks[{}]", t));
    std::copy(row.begin(), row.end(),
              matrix.values.begin() + static_cast<std::ptrdiff_t>(t) * kTrackFeatureCount);
  }
  return matrix;
}

}  // namespace tgvc
