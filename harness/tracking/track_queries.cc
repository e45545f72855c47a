#include <cmath>
#include <string>

#include "harness/core/error.h"
#include "harness/tracking/tracks.h"

namespace tgvc {

void check_track_query(const TrackQuery& query, size_t index, int frame_count) {
  const std::string where = "tracker query " + std::to_string(index);
  if (query.frame < 0 || query.frame >= frame_count) {
    throw InputError(where + " frame", "a clip frame in [0, " + std::to_string(frame_count) + ")",
                     std::to_string(query.frame));
  }
  if (!std::isfinite(query.x) || !std::isfinite(query.y)) {
    throw InputError(where, "finite coordinates", std::to_string(query.x) + ", " + std::to_string(query.y));
  }
}

Track track_at_query(const TrackQuery& query, int frames, int width, int height) {
  Track track;
  track.query_frame = query.frame;
  track.x.assign(frames, query.x);
  track.y.assign(frames, query.y);
  track.visible.assign(frames, 0);
  track.visible[query.frame] = inside_frame(query.x, query.y, width, height) ? 1 : 0;
  return track;
}

}  // namespace tgvc
