// The 32-bit LCG of the reference vectors (shared by tests and the synthetic generator):
// state stepped before each draw, the draw is the top 16 bits.
#pragma once

#include <cstdint>

namespace tgvc {

class Lcg {
 public:
  explicit Lcg(uint32_t seed) : state_(seed) {}

  // A value in [0, 65535].
  uint32_t next() {
    state_ = 1664525u * state_ + 1013904223u;
    return state_ >> 16;
  }
  // Two draws as one value in [0, 2^32 - 1], the first in the high half (one call, so the order of
  // the draws never depends on the compiler's order of evaluating operands).
  uint32_t next32() {
    const uint32_t high = next();
    return (high << 16) | next();
  }
  // A value in [0, 1).
  double uniform() { return next() / 65536.0; }
  // A value in [lo, hi).
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

 private:
  uint32_t state_;
};

}  // namespace tgvc
