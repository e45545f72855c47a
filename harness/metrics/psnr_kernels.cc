#include "harness/metrics/psnr_kernels.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

#include "harness/core/vector_clones.h"

namespace tgvc {
namespace {

// Squared differences of samples below 2^15 fit int32, and their sum is exact in uint32 as long as
// the chunk is short enough; the compiler turns this loop into a multiply-add of 16-bit lanes.
TGVC_VECTOR_CLONES uint32_t chunk_sum_squared_error(const uint16_t* a, const uint16_t* b, size_t count) {
  uint32_t sum = 0;
  for (size_t i = 0; i < count; ++i) {
    const int16_t d = static_cast<int16_t>(a[i] - b[i]);
    sum += static_cast<uint32_t>(d * d);
  }
  return sum;
}

}  // namespace

uint64_t sum_squared_error_reference(const uint16_t* a, const uint16_t* b, size_t count) {
  uint64_t sum = 0;
  for (size_t i = 0; i < count; ++i) {
    const int64_t d = static_cast<int64_t>(a[i]) - b[i];
    sum += static_cast<uint64_t>(d * d);
  }
  return sum;
}

uint64_t sum_squared_error(const uint16_t* a, const uint16_t* b, size_t count, int bit_depth) {
  assert(bit_depth >= 1 && bit_depth <= 16);
  // 16-bit differences do not fit int16: take the 64-bit loop.
  if (bit_depth > 15) return sum_squared_error_reference(a, b, count);
  const uint64_t max_square = static_cast<uint64_t>((1u << bit_depth) - 1) * ((1u << bit_depth) - 1);
  const size_t chunk = static_cast<size_t>(std::numeric_limits<uint32_t>::max() / max_square);
  uint64_t sum = 0;
  for (size_t start = 0; start < count; start += chunk) {
    sum += chunk_sum_squared_error(a + start, b + start, std::min(chunk, count - start));
  }
  return sum;
}

uint64_t plane_sum_squared_error(const Plane& a, const Plane& b, int bit_depth) {
  assert(a.width == b.width && a.height == b.height);
  assert(a.samples.size() == b.samples.size());
  return sum_squared_error(a.samples.data(), b.samples.data(), a.samples.size(), bit_depth);
}

double psnr_peak(int bit_depth) {
  return std::ldexp(255.0, bit_depth - 8);
}

double psnr_peak(const PixelFormat& format) {
  if (format.family == ColourFamily::kRgb) return std::ldexp(1.0, format.bit_depth) - 1.0;
  return psnr_peak(format.bit_depth);
}

double psnr_from_mse(double mse, double peak) {
  if (!(mse > 0)) return kPsnrCapDb;
  return std::min(kPsnrCapDb, 10.0 * std::log10(peak * peak / mse));
}

}  // namespace tgvc
