#include "harness/metrics/rate.h"

namespace tgvc {

Rate compute_rate(uint64_t bytes, int width, int height, int frames, double fps) {
  Rate r;
  r.bits = bytes * 8;
  const double pixels = static_cast<double>(width) * height * frames;
  r.bpp = pixels > 0 ? static_cast<double>(r.bits) / pixels : 0;
  r.kbps = frames > 0 ? static_cast<double>(r.bits) * fps / frames / 1000.0 : 0;
  return r;
}

}  // namespace tgvc
