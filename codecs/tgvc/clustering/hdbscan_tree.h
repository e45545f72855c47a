// HDBSCAN's middle: the single-linkage dendrogram of a spanning tree, the condensed tree and the
// cluster stabilities, with the `hdbscan` package's conventions (SciPy linkage format, cluster ids
// numbered from the point count in breadth-first order, lambda = 1 / distance). Inputs are trusted.
#pragma once

#include <vector>

#include "codecs/tgvc/clustering/hdbscan_mst.h"

namespace tgvc {

// One merge in SciPy's linkage format: node ids below the point count are points, node
// points + i is the cluster formed by row i.
struct LinkageRow {
  int left = 0;
  int right = 0;
  double distance = 0;
  int size = 0;
};

// Merges the points along the tree's edges in increasing weight (a stable sort: equal weights keep
// the spanning tree's order), as the package's `label`. `points` >= 1, edges.size() == points - 1.
std::vector<LinkageRow> single_linkage(const std::vector<MstEdge>& edges, int points);

// One row of the condensed tree: `child` (a point if < points, else a cluster id) leaves `parent`
// at lambda = 1 / distance (infinite at distance 0); child_size is 1 for a point.
struct CondensedRow {
  int parent = 0;
  int child = 0;
  double lambda = 0;
  int child_size = 0;
};

// The root cluster's id is `points`; other clusters follow in the order they are created.
struct CondensedTree {
  int points = 0;
  std::vector<CondensedRow> rows;
  int root() const { return points; }
  // Number of cluster ids (root included): they are points .. points + cluster_count() - 1.
  int cluster_count() const;
};

// Walks the dendrogram from the top: a split whose sides both have >= min_cluster_size points
// makes two new clusters; a side with fewer points falls out point by point (at the split's
// lambda) and the larger side continues as the same cluster. `points` >= 2.
CondensedTree condense_tree(const std::vector<LinkageRow>& linkage, int points, int min_cluster_size);

// Stability of every cluster id (index id - points): sum over its rows of
// (lambda - lambda at which the cluster was born) * child_size; the root is born at lambda 0.
std::vector<double> cluster_stabilities(const CondensedTree& tree);

}  // namespace tgvc
