// An independent, slow path for HDBSCAN's first half (STYLE 11): core distances by sorting each
// row of the full distance matrix, the spanning tree by Kruskal's algorithm over all edges, and
// the plain O(n^2) Prim whose every step, tie-break included, the fast Prim must reproduce.
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

#include "codecs/tgvc/clustering/feature_matrix.h"
#include "codecs/tgvc/clustering/hdbscan_mst.h"

namespace tgvc {
namespace testing_data {

inline double reference_distance(const FeatureMatrix& p, int a, int b) {
  double sum = 0;
  for (int k = 0; k < p.cols; ++k) sum += (p.at(a, k) - p.at(b, k)) * (p.at(a, k) - p.at(b, k));
  return std::sqrt(sum);
}

inline std::vector<double> reference_core_distances(const FeatureMatrix& p, int k) {
  std::vector<double> core(p.rows);
  for (int i = 0; i < p.rows; ++i) {
    std::vector<double> row;
    for (int j = 0; j < p.rows; ++j) {
      if (j != i) row.push_back(reference_distance(p, i, j));
    }
    std::sort(row.begin(), row.end());
    core[i] = row[k - 1];
  }
  return core;
}

inline std::vector<MstEdge> reference_mst(const FeatureMatrix& p, const std::vector<double>& core) {
  std::vector<MstEdge> all;
  for (int i = 0; i < p.rows; ++i) {
    for (int j = i + 1; j < p.rows; ++j) {
      all.push_back({i, j, std::max({reference_distance(p, i, j), core[i], core[j]})});
    }
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const MstEdge& a, const MstEdge& b) { return a.weight < b.weight; });
  std::vector<int> set(p.rows);
  std::iota(set.begin(), set.end(), 0);
  auto find = [&](int x) {
    while (set[x] != x) x = set[x] = set[set[x]];
    return x;
  };
  std::vector<MstEdge> tree;
  for (const MstEdge& e : all) {
    const int a = find(e.from), b = find(e.to);
    if (a == b) continue;
    set[a] = b;
    tree.push_back(e);
  }
  return tree;
}

// Prim from point 0 over squared reachabilities, every key recomputed from the joined point: the
// next point has the smallest key, then the smallest index; a key is only replaced by a strictly
// smaller one. Squared distances are summed in dimension order (the fast path's convention).
inline std::vector<MstEdge> reference_prim(const FeatureMatrix& p, const std::vector<double>& core) {
  const int n = p.rows;
  std::vector<MstEdge> tree;
  if (n < 2) return tree;
  std::vector<double> key(n, std::numeric_limits<double>::infinity());
  std::vector<int> from(n, -1);
  std::vector<bool> joined(n, false);
  int q = 0;
  joined[0] = true;
  for (int step = 1; step < n; ++step) {
    int best = -1;
    for (int i = 0; i < n; ++i) {
      if (joined[i]) continue;
      double d2 = 0;
      for (int k = 0; k < p.cols; ++k) d2 += (p.at(i, k) - p.at(q, k)) * (p.at(i, k) - p.at(q, k));
      const double reach = std::max({d2, core[q] * core[q], core[i] * core[i]});
      if (reach < key[i]) {
        key[i] = reach;
        from[i] = q;
      }
      if (best < 0 || key[i] < key[best]) best = i;
    }
    tree.push_back({from[best], best, std::sqrt(key[best])});
    joined[best] = true;
    q = best;
  }
  return tree;
}

}  // namespace testing_data
}  // namespace tgvc
