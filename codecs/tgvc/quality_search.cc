#include "codecs/tgvc/quality_search.h"

#include <cassert>

namespace tgvc {

QualityChoice search_quality(const std::vector<int>& by_rate, double target,
                             const std::function<double(int)>& bpp_of) {
  assert(!by_rate.empty());
  QualityChoice choice;
  std::map<int, double> bpp;  // index -> rate, each quality encoded once
  const auto rate_at = [&](int index) {
    const auto known = bpp.find(index);
    if (known != bpp.end()) return known->second;
    choice.tried.push_back(by_rate[index]);
    return bpp[index] = bpp_of(by_rate[index]);
  };
  int low = 0, high = static_cast<int>(by_rate.size()) - 1, best = -1;
  while (low <= high) {
    const int mid = low + (high - low) / 2;
    if (rate_at(mid) <= target) {
      best = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  choice.met = best >= 0;
  if (best < 0) best = 0;
  choice.quality = by_rate[best];
  choice.bpp = rate_at(best);
  return choice;
}

}  // namespace tgvc
