// The probability model of one binary context, shared bit-exactly by the arithmetic encoder and
// decoder (docs/bitstream.md, "Context models").
#pragma once

#include <cstdint>

namespace tgvc {

class AdaptiveBit {
 public:
  static constexpr uint32_t kOne = 1u << 16;   // probability 1.0
  static constexpr uint32_t kMaxShift = 7;     // slowest adaptation: 1/128 per symbol
  static constexpr uint32_t kCountLimit = 63;  // the count saturates where the shift does

  // Probability that the next bit is 0, in units of 1/65536. It never leaves [127, 65409]: the
  // first 63 updates (shifts <= 6) cannot bring it within 1173 of 0 or 65536, and from then on a
  // shift-7 step stops 127 short of either end.
  uint32_t p0() const { return p0_; }

  // Moves p0 towards the bit seen, fast at first (a count-based estimate), then by 1/128.
  void update(int bit) {
    const uint32_t shift = adaptation_shift(count_);
    if (bit == 0) {
      p0_ += (kOne - p0_) >> shift;
    } else {
      p0_ -= p0_ >> shift;
    }
    if (count_ < kCountLimit) ++count_;
  }

  // min(7, 1 + floor(log2(count + 1))): 1, 2, 2, 3, 3, 3, 3, 4, ... 7 from count 63 on.
  static uint32_t adaptation_shift(uint32_t count) {
    uint32_t shift = 1;
    for (uint32_t v = count + 1; v > 1 && shift < kMaxShift; v >>= 1) ++shift;
    return shift;
  }

 private:
  uint32_t p0_ = kOne / 2;
  uint32_t count_ = 0;
};

}  // namespace tgvc
