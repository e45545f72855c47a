// Bits, bits per pixel and kilobits per second from real bitstream bytes.
#pragma once

#include <cstdint>

namespace tgvc {

struct Rate {
  uint64_t bits = 0;
  double bpp = 0;   // bits / (width * height * frames), at the coded resolution
  double kbps = 0;  // bits * fps / frames / 1000 (kilo = 1000, never 1024)
};

Rate compute_rate(uint64_t bytes, int width, int height, int frames, double fps);

}  // namespace tgvc
