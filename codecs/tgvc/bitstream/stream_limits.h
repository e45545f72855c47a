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
constexpr int kTgvcMaxCodecIdLength = 64;
// Quantisation steps are multiples of 1/16 pixel, from 1/16 to 64 pixels.
constexpr int kTgvcQuantStepDenominator = 16;
constexpr int kTgvcMaxQuantStepSixteenths = 1024;

}  // namespace tgvc
