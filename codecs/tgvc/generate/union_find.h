// Union-find over indices 0..n-1 stored as a parent array (a root is its own parent).
#pragma once

#include <vector>

namespace tgvc {

// The root of i's set, halving the path on the way.
inline int find_root(std::vector<int>& parent, int i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

}  // namespace tgvc
