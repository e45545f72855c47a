// Decodes the payload of a TRAJ chunk: the inverse of encode_clip_trajectories, hostile-input
// safe (every count is checked against limits and the payload size before anything is allocated).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "codecs/tgvc/bitstream/quantisation.h"
#include "codecs/tgvc/bitstream/stream_limits.h"
#include "codecs/tgvc/bitstream/trajectory_set.h"

namespace tgvc {

// `frames` is the clip length from the CLIP table; at most `max_track_frames` tracks x frames
// and `max_tracks` tracks may be decoded (what is left of the file's budgets). Throws
// InputError(where, ...) for a stream that is not valid: too many tracks, a position off the
// grid, a payload too short or with bytes left over.
ClipTrajectories decode_clip_trajectories(const uint8_t* data, size_t size, int frames,
                                          const QuantAxis& axis_x, const QuantAxis& axis_y,
                                          int64_t max_track_frames, const std::string& where,
                                          int64_t max_tracks = kTgvcMaxTracks);

}  // namespace tgvc
