// HDBSCAN clustering with the semantics of the `hdbscan` Python package (McInnes et al.), which
// T-GVC uses to group tracks into motion instances (DESIGN 4.4): Euclidean distance, core distances,
// the exact minimum spanning tree of the mutual-reachability graph, the condensed tree, excess-of-
// mass selection, cluster_selection_epsilon. Deterministic; docs/clustering.md has the details.
#pragma once

#include <vector>

#include "codecs/tgvc/clustering/feature_matrix.h"

namespace tgvc {

// Who counts the point itself among its min_samples neighbours.
enum class CoreDistanceConvention {
  kOtherPoints,  // `hdbscan` package (and T-GVC): distance to the min_samples-th nearest other point
  kIncludeSelf,  // scikit-learn's HDBSCAN: the point is its own first neighbour (min_samples - 1 others)
};

struct HdbscanParams {
  int min_cluster_size = 10;                // >= 2
  int min_samples = 6;                      // >= 1; clamped to rows - 1 as the package does
  double cluster_selection_epsilon = 0.05;  // >= 0; 0 turns the merge off
  bool allow_single_cluster = false;        // T-GVC: false (the root cluster is never chosen)
  CoreDistanceConvention core_distance = CoreDistanceConvention::kOtherPoints;
  int threads = 1;  // >= 1 threads for the core distances; the result does not depend on it
};

struct HdbscanResult {
  // Per point: -1 for noise, else 0 .. cluster_count - 1, numbered in order of each cluster's first
  // point (the point with the lowest index), so relabelling never depends on the tree's internals.
  std::vector<int> labels;
  int cluster_count = 0;
};

// Clusters the rows of `points`. Raises InputError("hdbscan", ...) for a malformed matrix or a value
// that is not finite, and InputError("hdbscan.<param>", ...) for a parameter out of range. Fewer
// than two points are all noise.
HdbscanResult hdbscan(const FeatureMatrix& points, const HdbscanParams& params = {});

}  // namespace tgvc
