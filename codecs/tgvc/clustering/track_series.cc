#include "codecs/tgvc/clustering/track_series.h"

#include <cmath>

#include <fmt/format.h>

#include "harness/core/error.h"

namespace tgvc {

FeatureMatrix track_series(const Tracks& tracks, const std::vector<int>& members) {
  if (members.empty()) return FeatureMatrix(0, 0);
  size_t frames = 0;
  for (size_t m = 0; m < members.size(); ++m) {
    const int t = members[m];
    if (t < 0 || static_cast<size_t>(t) >= tracks.size()) {
      throw InputError(fmt::format("members[{}]", m), fmt::format("a track index in [0, {})", tracks.size()),
                       fmt::format("{}", t));
    }
    const Track& track = tracks[t];
    const std::string where = fmt::format("tracks[{}]", t);
    if (m == 0) frames = track.x.size();
    if (frames == 0) throw InputError(where, "at least one frame", "an empty track");
    if (track.x.size() != frames || track.y.size() != frames || track.visible.size() != frames) {
      throw InputError(where, fmt::format("{} frames in x, y and visible", frames),
                       fmt::format("{}, {} and {}", track.x.size(), track.y.size(), track.visible.size()));
    }
  }
  FeatureMatrix series(static_cast<int>(members.size()), static_cast<int>(3 * frames));
  for (size_t m = 0; m < members.size(); ++m) {
    const Track& track = tracks[members[m]];
    for (size_t f = 0; f < frames; ++f) {
      if (!std::isfinite(track.x[f]) || !std::isfinite(track.y[f])) {
        throw InputError(fmt::format("tracks[{}] frame {}", members[m], f), "finite coordinates",
                         fmt::format("({}, {})", track.x[f], track.y[f]));
      }
      series.at(static_cast<int>(m), static_cast<int>(3 * f)) = track.x[f];
      series.at(static_cast<int>(m), static_cast<int>(3 * f + 1)) = track.y[f];
      series.at(static_cast<int>(m), static_cast<int>(3 * f + 2)) = track.visible[f] ? 1.0 : 0.0;
    }
  }
  return series;
}

}  // namespace tgvc
