#include "codecs/tgvc/generate/motion_instances.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

#include "codecs/tgvc/generate/union_find.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

int visible_count(const TrackPath& t) {
  return static_cast<int>(std::count(t.visible.begin(), t.visible.end(), 1));
}

// How far two tracks are from moving as one: the largest ratio of a test to its tolerance
// (<= 1: they may share an instance); infinity when they share too few visible frames or start
// too far apart.
double link_cost(const TrackPath& p, const TrackPath& q, double max_distance,
                 const MotionInstanceOptions& options) {
  const size_t frames = p.x.size();
  double reference = -1, rx = 0, ry = 0, worst_distance = 0, worst_turn = 0, worst_rate = 0;
  int common = 0;
  size_t first = 0;
  for (size_t f = 0; f < frames; ++f) {
    if (!p.visible[f] || !q.visible[f]) continue;
    const double vx = p.x[f] - q.x[f], vy = p.y[f] - q.y[f], d = std::hypot(vx, vy);
    if (reference < 0) reference = d, rx = vx, ry = vy, first = f;
    worst_distance = std::max(worst_distance, std::fabs(d - reference));
    const double turn = std::hypot(vx - rx, vy - ry);
    worst_turn = std::max(worst_turn, turn);
    if (f > first)
      worst_rate = std::max(worst_rate, (turn - options.link_px) / static_cast<double>(f - first));
    ++common;
  }
  if (common < options.min_common_frames || reference > max_distance)
    return std::numeric_limits<double>::infinity();
  return std::max({worst_distance / (options.link_px + options.link_share * reference),
                   worst_turn / (options.link_px + options.turn_share * reference),
                   worst_rate / (options.drift_px_per_frame + options.turn_rate * reference)});
}

// Per frame: 1 where visible, decaying with the distance to the nearest visible frame elsewhere.
std::vector<double> position_weights(const TrackPath& t, const MotionInstanceOptions& options) {
  const int frames = static_cast<int>(t.visible.size());
  std::vector<double> w(frames, 0);
  for (int f = 0; f < frames; ++f) {
    int gap = frames;
    for (int g = 0; g < frames; ++g) {
      if (t.visible[g]) gap = std::min(gap, std::abs(g - f));
    }
    w[f] =
        gap == 0 ? 1 : options.hidden_weight * std::exp(-gap / std::max(options.hidden_decay_frames, 1e-3));
  }
  return w;
}

SimilarityMotion fit_frame(const std::vector<TrackPath>& paths,
                           const std::vector<std::vector<double>>& weights, const std::vector<int>& tracks,
                           size_t from, size_t to, const MotionInstanceOptions& options, double* confidence) {
  std::vector<PointPair> pairs;
  *confidence = 0;
  for (size_t k = 0; k < tracks.size(); ++k) {
    const TrackPath& t = paths[tracks[k]];
    const double w = weights[k][from] * weights[k][to];
    *confidence = std::max(*confidence, w);
    pairs.push_back({t.x[from], t.y[from], t.x[to], t.y[to], w});
  }
  return fit_similarity(pairs, options.fit);
}

}  // namespace

std::vector<MotionInstance> group_motion_instances(const std::vector<TrackPath>& paths, int width, int height,
                                                   const MotionInstanceOptions& options) {
  const int n = static_cast<int>(paths.size());
  if (n == 0) return {};
  for (const TrackPath& t : paths) {
    if (t.x.empty() || t.x.size() != paths.front().x.size() || t.y.size() != t.x.size() ||
        t.visible.size() != t.x.size()) {
      throw InputError(
          "motion instances", "paths of one length (at least 1 frame)",
          "lengths " + std::to_string(paths.front().x.size()) + " and " + std::to_string(t.x.size()));
    }
  }
  const double max_distance = options.max_link_fraction * std::min(width, height);
  const int frames = static_cast<int>(paths.front().x.size());
  const int long_enough = std::max(options.min_common_frames + 2, frames / 4);
  std::vector<bool> is_long(n);
  for (int i = 0; i < n; ++i) is_long[i] = visible_count(paths[i]) >= long_enough;
  // Long tracks: connected groups of the link relation.
  std::vector<int> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  for (int i = 0; i < n; ++i) {
    for (int k = i + 1; k < n; ++k) {
      if (is_long[i] && is_long[k] && link_cost(paths[i], paths[k], max_distance, options) <= 1) {
        parent[find_root(parent, k)] = find_root(parent, i);
      }
    }
  }
  // A short track joins the one group it fits best, never bridging two: seen for a few frames, a
  // different motion is within the coding grid's noise.
  for (int i = 0; i < n; ++i) {
    if (is_long[i]) continue;
    double best = 1;
    int best_root = -1;
    for (int k = 0; k < n; ++k) {
      if (!is_long[k]) continue;
      const double cost = link_cost(paths[i], paths[k], max_distance, options);
      if (cost <= best) best = cost, best_root = find_root(parent, k);
    }
    if (best_root >= 0) parent[i] = best_root;
  }
  std::vector<MotionInstance> instances;
  std::vector<int> slot(n, -1);
  for (int i = 0; i < n; ++i) {
    const int root = find_root(parent, i);
    if (slot[root] < 0) {
      slot[root] = static_cast<int>(instances.size());
      instances.emplace_back();
    }
    instances[slot[root]].tracks.push_back(i);
  }
  for (MotionInstance& instance : instances) {
    const size_t last = static_cast<size_t>(frames) - 1;
    std::vector<std::vector<double>> weights;
    for (int i : instance.tracks) weights.push_back(position_weights(paths[i], options));
    double hidden = 0, inside = 0;
    for (size_t j = 0; j <= last; ++j) {
      double ca = 0, cb = 0;
      instance.from_a.push_back(fit_frame(paths, weights, instance.tracks, 0, j, options, &ca));
      instance.from_b.push_back(fit_frame(paths, weights, instance.tracks, last, j, options, &cb));
      instance.confidence_a.push_back(ca);
      instance.confidence_b.push_back(cb);
      for (int i : instance.tracks) {
        const TrackPath& t = paths[i];
        if (t.x[j] < 0 || t.y[j] < 0 || t.x[j] >= width || t.y[j] >= height) continue;
        inside += 1;
        hidden += t.visible[j] ? 0 : 1;
      }
    }
    instance.hidden_share = inside > 0 ? hidden / inside : 0;
  }
  return instances;
}

}  // namespace tgvc
