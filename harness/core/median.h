// The median of a sample, as numpy states it: the middle value, or the mean of the middle two for
// an even count. Shared by the track statistics, the trajectory scores and the report's stills.
#pragma once

#include <algorithm>
#include <vector>

namespace tgvc {

// Precondition: `values` is not empty. Takes a copy, which it partially reorders.
inline double median_of(std::vector<double> values) {
  const size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + mid, values.end());
  const double upper = values[mid];
  if (values.size() % 2 == 1) return upper;
  return 0.5 * (upper + *std::max_element(values.begin(), values.begin() + mid));
}

}  // namespace tgvc
