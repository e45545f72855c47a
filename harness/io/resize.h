// Resizing and pixel format conversion of whole videos.
#pragma once

#include <optional>
#include <string>

#include "harness/core/frame.h"

namespace tgvc {

// kSquash scales to exactly the target size, ignoring the aspect ratio (the T-GVC paper's
// protocol). kCrop scales, keeping the aspect ratio, to the smallest size that covers the target,
// then cuts the centre (offsets rounded down to the chroma subsampling).
enum class ResizeMode { kSquash, kCrop };
// swscale's filters of the same names.
enum class ResizeFilter { kBicubic, kBilinear, kLanczos, kArea, kPoint };

// "squash" / "crop"; nothing for another name.
std::optional<ResizeMode> parse_resize_mode(const std::string& name);
const char* to_string(ResizeMode mode);
// "bicubic", "bilinear", "lanczos", "area", "point"; nothing for another name.
std::optional<ResizeFilter> parse_resize_filter(const std::string& name);
const char* to_string(ResizeFilter filter);

// The video at width x height in the same pixel format, scaled by swscale with accurate rounding
// and bit-exact arithmetic (identical results on every CPU; the same samples as
// `ffmpeg -vf scale=W:H:flags=<filter>+accurate_rnd+bitexact`). Chroma planes are scaled by
// swscale's YUV path (centre-sited chroma). A video already at the target size is returned as is.
// Any size in [1, 16384], odd ones included (subsampled chroma rounds up); throws InputError
// (where "resize target") for a size outside it. RGB is scaled at 8, 10 or 16 bits.
Video resize_video(const Video& video, int width, int height, ResizeMode mode, ResizeFilter filter);

// The video in `target` (YUV only; 8 or 10 bits; 4:2:0, 4:2:2 or 4:4:4), same colour spec.
// Bit depth, limited range: a left shift up, (v + 2) >> 2 down (the quantisation of BT.709/BT.2020,
// so 8 -> 10 -> 8 is lossless); full range: luma scaled by 1023/255, chroma about its midpoint,
// rounded. Chroma: a finer grid repeats each sample over the positions it covers, a coarser grid
// takes the rounded mean of the samples it covers (centre siting, as harness/core/colour does),
// so 4:2:0 -> 4:4:4 -> 4:2:0 is lossless too. Depth goes up before and down after chroma changes.
// Throws InputError for RGB or an unsupported bit depth.
Video convert_pixel_format(const Video& video, PixelFormat target);

}  // namespace tgvc
