// YUV <-> RGB with an explicit matrix and range.
#pragma once

#include "harness/core/frame.h"

namespace tgvc {

// RGB (4:4:4, same bit depth) from a YUV frame. Chroma is upsampled by sample replication
// (each chroma sample covers its 2x2 / 2x1 luma block); results are rounded and clamped.
Frame yuv_to_rgb(const Frame& yuv, ColourSpec spec);
// As above, into RGB of `rgb_bit_depth` (a 10-bit decode of a 16-bit RGB source). Per-code-value
// tables in 16.16 fixed point; the fast path looks the entries up a row at a time (AVX2 gathers
// where the CPU has them) and adds them in int32 lanes (vectorised) whenever the sums fit int32
// (RGB up to 12 bits); the values are those of yuv_to_rgb_reference, bit for bit.
Frame yuv_to_rgb(const Frame& yuv, ColourSpec spec, int rgb_bit_depth);
// The same into *rgb, whose planes are reused when they already have the size and format (no
// allocation, no page faults for a caller that converts frame after frame).
void yuv_to_rgb_into(const Frame& yuv, ColourSpec spec, int rgb_bit_depth, Frame* rgb);
// The same conversion with one plain scalar loop in int64: the reference the fast path is tested
// against (bit-identical), and the path for RGB deeper than the int32 sums allow.
Frame yuv_to_rgb_reference(const Frame& yuv, ColourSpec spec, int rgb_bit_depth);

// YUV in the given chroma format from an RGB frame. Subsampled chroma is the mean of the
// covered luma positions' chroma (centre siting).
Frame rgb_to_yuv(const Frame& rgb, ColourSpec spec, ChromaFormat chroma);
// As above, into YUV of `yuv_bit_depth` (a 16-bit RGB source for a codec that takes 10 bits).
Frame rgb_to_yuv(const Frame& rgb, ColourSpec spec, ChromaFormat chroma, int yuv_bit_depth);

// Converts a whole video to RGB; a video already RGB is returned unchanged.
Video to_rgb(const Video& video);

}  // namespace tgvc
