// Point tracks through one clip, and the tracker interface (DESIGN 4.3).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "harness/core/frame.h"

namespace tgvc {

// Where a point starts: continuous pixel coordinates ((0,0) is the top-left corner of the
// top-left pixel, pixel centres at +0.5) on frame `frame` of the clip.
struct TrackQuery {
  float x = 0;
  float y = 0;
  int frame = 0;
};

// One query followed through every frame of the clip (index = clip frame).
struct Track {
  std::vector<float> x;
  std::vector<float> y;
  std::vector<uint8_t> visible;  // 1: visible in that frame (in bounds and not occluded)
  int query_frame = 0;
};

using Tracks = std::vector<Track>;

class Tracker {
 public:
  virtual ~Tracker() = default;
  virtual std::string id() const = 0;
  virtual std::string version() const = 0;
  // Tracks every query through `clip` (the clip's frames, any YUV or RGB format). The result has
  // one Track per query, in query order, each with clip.frame_count() entries. Deterministic.
  virtual Tracks track(const Video& clip, const std::vector<TrackQuery>& queries) const = 0;
};

// Throws InputError unless query `index` starts on a frame of a clip of `frame_count` frames at
// finite coordinates: the check every tracker makes before it follows anything.
void check_track_query(const TrackQuery& query, size_t index, int frame_count);

// Whether continuous coordinates (x, y) lie on a width x height frame.
inline bool inside_frame(float x, float y, int width, int height) {
  return x >= 0 && y >= 0 && x < width && y < height;
}

// A track of `frames` frames held still at its query, visible only on the query frame and only
// when the query lies on the width x height frame: where every tracker starts.
Track track_at_query(const TrackQuery& query, int frames, int width, int height);

// The paper's queries: a grid x grid lattice of pixel centres spread evenly over the first frame,
// then the same lattice on the last frame (tracked on the reversed clip): 2 * grid * grid queries.
std::vector<TrackQuery> grid_queries(int width, int height, int frame_count, int grid = 64);

}  // namespace tgvc
