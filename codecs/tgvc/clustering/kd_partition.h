// A balanced k-d tree over the rows of a FeatureMatrix, used by HDBSCAN's exact stages only to skip
// work: a node's bounding box gives a lower bound of the distance to every point inside it. The
// tree lives in the points' principal axes (tight boxes for correlated features); the bounds are
// made conservative by far more than the rounding of that rotation, so they never exceed a
// squared distance computed in the original coordinates.
#pragma once

#include <cmath>
#include <limits>
#include <vector>

#include "codecs/tgvc/clustering/feature_matrix.h"

namespace tgvc {

// Nodes are numbered as in a binary heap (children of node i: 2i + 1, 2i + 2); every leaf is at
// depth `depth`, leaf j is node first_leaf() + j. A node holds positions [begin, end) of `order`.
struct KdPartition {
  int dim = 0;
  int bound_dim = 0;  // leading principal axes that bound (and split): the others hold no spread
  int depth = 0;
  std::vector<int> order;      // position -> row of the matrix
  std::vector<int> begin;      // per node
  std::vector<int> end;        // per node
  std::vector<double> lo;      // per node, dim values: the box of the node's points (tree space)
  std::vector<double> hi;      // per node, dim values
  std::vector<double> axes;    // dim x dim, row-major: tree space = axes * (x - centre)
  std::vector<double> centre;  // dim
  std::vector<double> coords;  // per position, dim values: the point in tree space
  double slack = 0;            // absolute allowance for the rotation's rounding (+inf: no pruning)
  double keep = 1;             // 1 minus the relative allowance

  int nodes() const { return static_cast<int>(begin.size()); }
  int first_leaf() const { return (1 << depth) - 1; }
  int leaves() const { return 1 << depth; }
  // y = the point x in tree space.
  void to_tree_space(const double* x, double* y) const;
  // A box bound computed in tree space, lowered so that it never exceeds the squared distance
  // computed in the original coordinates (-infinity when the data are too large to say).
  double conservative(double bound) const {
    const double b = bound * keep - slack;
    return std::isnan(b) ? -std::numeric_limits<double>::infinity() : b;  // NaN bounds nothing
  }
};

// Splits at the median of the widest dimension until a leaf holds at most `leaf_size` (>= 1) points.
// Deterministic; the split only affects speed, never a result computed with it.
KdPartition kd_partition(const FeatureMatrix& points, int leaf_size);

}  // namespace tgvc
