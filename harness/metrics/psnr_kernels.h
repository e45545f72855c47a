// Arithmetic behind PSNR: sums of squared differences and the dB conversion.
#pragma once

#include <cstddef>
#include <cstdint>

#include "harness/core/frame.h"

namespace tgvc {

// Per-frame PSNR of identical planes (MSE 0) is reported as this value instead of infinity.
inline constexpr double kPsnrCapDb = 100.0;

// Sum of (a[i] - b[i])^2 for samples of at most `bit_depth` bits (1..16). Exact (integer); the
// loops are written so that the compiler vectorises them.
uint64_t sum_squared_error(const uint16_t* a, const uint16_t* b, size_t count, int bit_depth);

// The same sum with one plain scalar loop: the reference the fast path is tested against.
uint64_t sum_squared_error_reference(const uint16_t* a, const uint16_t* b, size_t count);

// Sum of squared differences of two planes of the same size.
uint64_t plane_sum_squared_error(const Plane& a, const Plane& b, int bit_depth);

// The PSNR peak: 255 << (bit_depth - 8), i.e. 255 * 2^(bit_depth - 8) (the DESIGN's convention;
// 1020 for 10-bit, where some tools use 2^b - 1 = 1023).
double psnr_peak(int bit_depth);

// The peak of a video's samples: psnr_peak(depth) for YUV; 2^depth - 1 for RGB, whose samples
// span the full code range (a 16-bit PNG's 8-bit value v is 257 v, so 65535 is its white).
// The same for 8 bits (255).
double psnr_peak(const PixelFormat& format);

// 10 log10(peak^2 / mse), capped at kPsnrCapDb (which is also the value for mse == 0).
double psnr_from_mse(double mse, double peak);

}  // namespace tgvc
