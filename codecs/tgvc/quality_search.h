// target-bpp's search (docs/tgvc.md, "target-bpp"): the finest keyframe quality whose whole
// stream meets a rate, over the qualities a keyframe codec offers.
#pragma once

#include <functional>
#include <map>
#include <vector>

namespace tgvc {

struct QualityChoice {
  int quality = 0;
  double bpp = 0;          // the chosen quality's
  bool met = false;        // bpp <= target; false: no quality meets it, the lowest-rate one is chosen
  std::vector<int> tried;  // qualities encoded, in search order
};

// `by_rate` lists the qualities in order of rising rate (x265 QP 51, 50, ..., 0; learned 1, 2,
// ...). Binary search for the last one whose bpp_of(quality) <= target, assuming the rate rises
// along the list: about log2(n) + 1 calls, never two for one quality. When even the first (lowest
// rate) is above the target, that one is chosen and `met` is false; a target above the last one's
// rate chooses the last (the finest quality), met. `by_rate` must not be empty.
QualityChoice search_quality(const std::vector<int>& by_rate, double target,
                             const std::function<double(int)>& bpp_of);

}  // namespace tgvc
