// Small helpers shared by the clustering tests.
#pragma once

#include <initializer_list>
#include <map>
#include <vector>

#include "codecs/tgvc/clustering/feature_matrix.h"

namespace tgvc {
namespace testing_data {

// Points on a line (one column).
inline FeatureMatrix line_points(std::initializer_list<double> xs) {
  FeatureMatrix m(static_cast<int>(xs.size()), 1);
  m.values.assign(xs.begin(), xs.end());
  return m;
}

// Whether two labellings are the same partition: noise (-1) must match noise, and clusters must
// correspond one to one.
inline bool same_partition(const std::vector<int>& a, const std::vector<int>& b) {
  if (a.size() != b.size()) return false;
  std::map<int, int> a_to_b, b_to_a;
  for (size_t i = 0; i < a.size(); ++i) {
    if ((a[i] < 0) != (b[i] < 0)) return false;
    if (a[i] < 0) continue;
    auto [ab, a_new] = a_to_b.emplace(a[i], b[i]);
    auto [ba, b_new] = b_to_a.emplace(b[i], a[i]);
    if ((!a_new && ab->second != b[i]) || (!b_new && ba->second != a[i])) return false;
  }
  return true;
}

}  // namespace testing_data
}  // namespace tgvc
