// Decoded trajectories as smooth paths over every frame of a clip. Coded positions sit on the
// quantisation grid (8 px by default) and invisible frames carry none, so the warp generator
// fits each track with a low-order polynomial in time over its visible frames: it removes most
// of the grid's staircase and gives a position, extrapolated linearly, where the track was hidden.
#pragma once

#include <vector>

#include "codecs/tgvc/bitstream/trajectory_set.h"

namespace tgvc {

struct TrackPath {
  std::vector<double> x;  // one entry per clip frame, continuous pixel coordinates
  std::vector<double> y;
  std::vector<uint8_t> visible;  // as coded: 1 where the encoder saw the point
};

struct TrackPathOptions {
  // Highest polynomial degree fitted to a track's visible positions (0: keep the coded
  // positions and fill hidden frames from the nearest visible ones, linearly in between).
  int max_degree = 3;
};

// One path per coded track; tracks with no visible frame are dropped.
std::vector<TrackPath> fit_track_paths(const ClipTrajectories& clip, const TrackPathOptions& options = {});

}  // namespace tgvc
