// NAL unit types of an HEVC Annex-B stream, read from the start codes alone (independent of any
// decoder): ITU-T H.265 7.4.2.2, types 16..23 are random access (IRAP) pictures, 0..15 pictures
// predicted from others, 32 and up parameter sets and SEI.
#pragma once

#include <cstdint>
#include <vector>

namespace tgvc::testing_support {

inline std::vector<int> hevc_nal_types(const std::vector<uint8_t>& s) {
  std::vector<int> types;
  for (size_t i = 0; i + 3 < s.size(); ++i) {
    if (s[i] == 0 && s[i + 1] == 0 && s[i + 2] == 1) types.push_back((s[i + 3] >> 1) & 0x3f);
  }
  return types;
}

}  // namespace tgvc::testing_support
