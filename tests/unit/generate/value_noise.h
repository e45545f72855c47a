// Smooth value noise for the generator tests and benchmark: a hashed value on every lattice node
// of spacing `cell`, interpolated with smoothstep weights; not periodic, so block matching has one
// answer.
#pragma once

#include <cmath>
#include <cstdint>

namespace tgvc::generate_test {

inline double value_noise(double x, double y, double cell, uint32_t salt) {
  const auto node = [salt](int64_t i, int64_t j) {
    uint32_t h = static_cast<uint32_t>(i * 73856093) ^ static_cast<uint32_t>(j * 19349663) ^ salt;
    h ^= h >> 13;
    h *= 0x5bd1e995u;
    h ^= h >> 15;
    return (h & 0xffff) / 65535.0;
  };
  const double u = x / cell, v = y / cell;
  const int64_t i = static_cast<int64_t>(std::floor(u)), j = static_cast<int64_t>(std::floor(v));
  const double fx = u - i, fy = v - j;
  const double sx = fx * fx * (3 - 2 * fx), sy = fy * fy * (3 - 2 * fy);
  return (node(i, j) * (1 - sx) + node(i + 1, j) * sx) * (1 - sy) +
         (node(i, j + 1) * (1 - sx) + node(i + 1, j + 1) * sx) * sy;
}

}  // namespace tgvc::generate_test
