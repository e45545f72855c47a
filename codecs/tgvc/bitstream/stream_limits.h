// Bounds a .tgvc reader enforces before it allocates anything; the writer refuses the same.
#pragma once

#include <cstdint>

namespace tgvc {

constexpr int kTgvcMaxDimension = 16384;        // width and height, pixels
constexpr int kTgvcMaxFrames = 1000000;         // frames in the sequence
constexpr int kTgvcMaxTracksPerClip = 1000000;  // representative tracks in one clip
// Track-frames (tracks x clip length) summed over all clips of a file: 2^24, about 150 MB of
// decoded positions, far above T-GVC's ~1000 per clip even for dense 8192-track coding.
constexpr int64_t kTgvcMaxTrackFrames = int64_t{1} << 24;
// Tracks summed over all clips of a file: 2^20. A decoded track costs about 170 bytes besides
// its positions (three vectors and their heap blocks), so without this bound 2^23 two-frame
// tracks (within the track-frame limit, a 6.5 kB file) took 1.3 GB. With it the decoded
// trajectories of any file stay below about 330 MB. 2^20 is 128 clips of dense 8192-track coding,
// and only binds when clips average fewer than 16 frames with the track-frame limit in full use.
constexpr int64_t kTgvcMaxTracks = int64_t{1} << 20;
constexpr int kTgvcMaxCodecIdLength = 64;
// Quantisation steps are multiples of 1/16 pixel, from 1/16 to 64 pixels.
constexpr int kTgvcQuantStepDenominator = 16;
constexpr int kTgvcMaxQuantStepSixteenths = 1024;

}  // namespace tgvc
