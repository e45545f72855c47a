#include "harness/tracking/track_accuracy.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "harness/core/error.h"
#include "harness/core/median.h"

namespace tgvc {
namespace {

void check_same_shape(const Tracks& predicted, const Tracks& reference, const std::string& where) {
  if (predicted.size() != reference.size()) {
    throw InputError(where, std::to_string(reference.size()) + " predicted tracks",
                     std::to_string(predicted.size()));
  }
  for (size_t i = 0; i < reference.size(); ++i) {
    const std::string track = where + " track " + std::to_string(i);
    const Track& r = reference[i];
    const Track& p = predicted[i];
    const size_t frames = r.x.size();
    if (r.y.size() != frames || r.visible.size() != frames) {
      throw InputError(track + " reference", "x, y and visible of equal length");
    }
    if (p.x.size() != frames || p.y.size() != frames || p.visible.size() != frames) {
      throw InputError(track, std::to_string(frames) + " predicted frames", std::to_string(p.x.size()));
    }
    if (p.query_frame != r.query_frame) {
      throw InputError(track + " query_frame", std::to_string(r.query_frame), std::to_string(p.query_frame));
    }
  }
}

}  // namespace

std::vector<double> track_distances(const Tracks& predicted, const Tracks& reference,
                                    const TrackErrorOptions& options, const std::string& where) {
  check_same_shape(predicted, reference, where);
  std::vector<double> distances;
  for (size_t i = 0; i < reference.size(); ++i) {
    const Track& r = reference[i];
    const Track& p = predicted[i];
    for (size_t f = 0; f < r.x.size(); ++f) {
      if (!r.visible[f]) continue;
      if (options.require_predicted_visible && !p.visible[f]) continue;
      if (!options.include_query_frame && static_cast<int>(f) == r.query_frame) continue;
      distances.push_back(
          std::hypot(static_cast<double>(p.x[f]) - r.x[f], static_cast<double>(p.y[f]) - r.y[f]));
    }
  }
  return distances;
}

TrackErrorStats summarize_track_errors(const std::vector<std::vector<double>>& per_set) {
  TrackErrorStats stats;
  std::vector<double> all;
  double macro_sum = 0;
  int macro_sets = 0;
  for (const std::vector<double>& set : per_set) {
    if (set.empty()) continue;
    double sum = 0;
    for (double d : set) sum += d;
    macro_sum += sum / set.size();
    ++macro_sets;
    all.insert(all.end(), set.begin(), set.end());
  }
  stats.points = static_cast<int64_t>(all.size());
  if (all.empty()) return stats;
  double sum = 0;
  for (double d : all) sum += d;
  stats.micro_mean = sum / all.size();
  stats.macro_mean = macro_sum / macro_sets;
  for (size_t t = 0; t < kTrackErrorThresholds.size(); ++t) {
    const auto hits =
        std::count_if(all.begin(), all.end(), [&](double d) { return d <= kTrackErrorThresholds[t]; });
    stats.within[t] = static_cast<double>(hits) / all.size();
  }
  stats.median = median_of(std::move(all));
  return stats;
}

TrackErrorStats track_error(const std::vector<TrackSetPair>& sets, const TrackErrorOptions& options) {
  std::vector<std::vector<double>> per_set;
  per_set.reserve(sets.size());
  for (size_t s = 0; s < sets.size(); ++s) {
    const std::string where = "track error set " + std::to_string(s);
    if (sets[s].predicted == nullptr || sets[s].reference == nullptr) {
      throw InputError(where, "predicted and reference tracks", "a null pointer");
    }
    per_set.push_back(track_distances(*sets[s].predicted, *sets[s].reference, options, where));
  }
  return summarize_track_errors(per_set);
}

}  // namespace tgvc
