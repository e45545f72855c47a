// HDBSCAN's first half: core distances and the exact minimum spanning tree of the
// mutual-reachability graph d(a, b) = max(core[a], core[b], |a - b|) (Euclidean distance).
// Stage functions trust their arguments (asserted); hdbscan() validates user input.
#pragma once

#include <vector>

#include "codecs/tgvc/clustering/feature_matrix.h"

namespace tgvc {

// One edge of the spanning tree: `from` was already in the tree when `to` joined it.
struct MstEdge {
  int from = 0;
  int to = 0;
  double weight = 0;
};

// The Euclidean distance of every point to its k-th nearest *other* point (1 <= k <= rows - 1);
// equal distances count once each, so duplicates of a point are neighbours at distance 0.
// `threads` (>= 1, at most 64 used) splits the rows; the result does not depend on it.
std::vector<double> core_distances(const FeatureMatrix& points, int k, int threads = 1);

// Prim's algorithm, O(rows^2) time and O(rows * cols) memory (no distance matrix): rows - 1 edges
// in the order they join the tree, starting from point 0. Ties are broken deterministically: the
// next point is the one with the smallest key, then the smallest index; a key is only replaced by
// a strictly smaller one. Single-threaded: each step depends on the one before.
std::vector<MstEdge> mutual_reachability_mst(const FeatureMatrix& points, const std::vector<double>& core);

}  // namespace tgvc
