// Test material for the codec adapters: a generated moving pattern, a luma PSNR, and a few
// stream helpers. Self-contained on purpose (no datasets or metrics library).
#pragma once

#include <map>
#include <string>

#include "codecs/codec.h"
#include "harness/core/frame.h"

namespace tgvc {
namespace testing_support {

// A smooth, textured pattern translating by a few pixels per frame (so inter prediction works
// and rate falls with QP), with moving chroma gradients. Samples use the full bit depth.
Video moving_pattern(int width, int height, int frames, PixelFormat format);

// PSNR of one plane (0: Y, 1: Cb, 2: Cr) from the MSE pooled over all frames; peak is
// (1 << bit depth) - 1. Infinity when equal.
double plane_psnr(const Video& reference, const Video& distorted, int plane);
inline double luma_psnr(const Video& reference, const Video& distorted) {
  return plane_psnr(reference, distorted, 0);
}

// Resolves `given` against the codec's table and encodes.
Encoded encode_with(const Codec& codec, const Video& source, const std::map<std::string, std::string>& given);

// Asserts geometry, format and frame count of a decode against its source (gtest failures).
void expect_same_shape(const Video& source, const Video& decoded);

// Decodes 24 seeded damaged copies of `good` (random byte flips, a third also truncated): each
// must either decode to `frames` frames (gtest failure otherwise) or throw Error. Returns how
// many threw.
int decode_damaged_copies(const Codec& codec, const Encoded& good, int frames);

// True when every sample of every plane is equal.
bool identical(const Video& a, const Video& b);

inline PixelFormat yuv(ChromaFormat chroma, int bit_depth) {
  return {chroma, bit_depth, ColourFamily::kYuv};
}

// The clip most codec tests encode: the moving pattern, 8-bit 4:2:0, 128x96, 16 frames.
constexpr int kWidth = 128, kHeight = 96, kFrames = 16;
inline const Video& source8() {
  static const Video video = moving_pattern(kWidth, kHeight, kFrames, yuv(ChromaFormat::k420, 8));
  return video;
}

// Bits per pixel of a stream of source8()'s size.
inline double bpp(const Encoded& e) {
  return e.bitstream.size() * 8.0 / (double(kWidth) * kHeight * kFrames);
}

}  // namespace testing_support
}  // namespace tgvc
