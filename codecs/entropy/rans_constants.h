// The constants that fix CompressAI's rANS string format (ryg_rans' rans64 with its bypass mode).
#pragma once

#include <cstdint>

namespace tgvc::entropy {

// The state lives in [kRansLow, kRansLow << 32) between symbols; renormalisation moves 32-bit words.
constexpr uint64_t kRansLow = uint64_t{1} << 31;
// Bypass coding writes a value as 4-bit nibbles, each a symbol of frequency 1 << 12.
constexpr int kBypassBits = 4;
constexpr uint32_t kBypassMax = (1u << kBypassBits) - 1;
// A 32-bit raw value needs at most 8 nibbles: a larger count cannot come from the encoder.
constexpr int kMaxBypassNibbles = 32 / kBypassBits;

}  // namespace tgvc::entropy
