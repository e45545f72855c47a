// Seeded k-means (k-means++ seeding, then Lloyd iterations) on rows of any dimension; T-GVC picks
// the representative trajectories of a motion instance with it (DESIGN 4.6).
#pragma once

#include <cstdint>
#include <vector>

#include "codecs/tgvc/clustering/feature_matrix.h"

namespace tgvc {

struct KMeansParams {
  int k = 1;                 // >= 1; fewer clusters result when the points have fewer distinct values
  int max_iterations = 50;   // >= 1 Lloyd iterations (the paper's TimeSeriesKMeans: max_iter 50)
  uint64_t seed = 20250710;  // std::mt19937_64 seed of the k-means++ draws
};

struct KMeansResult {
  std::vector<int> labels;           // per point: 0 .. cluster_count - 1
  FeatureMatrix centres;             // cluster_count rows: the mean of each cluster's members
  std::vector<int> representatives;  // per cluster: the member nearest its centre (lowest index on ties)
  int cluster_count = 0;
  int iterations = 0;      // assignment passes made
  bool converged = false;  // the last assignment pass changed no label
  double inertia = 0;      // sum of squared distances of the points to their cluster's centre
};

// k-means++ (one draw per centre, probability proportional to the squared distance to the nearest
// chosen centre; draws are 53-bit doubles from the seeded std::mt19937_64, so results are the same
// on every platform), then Lloyd iterations until no point changes cluster or max_iterations. A point
// goes to the nearest centre, the lowest centre index on ties; a cluster left empty takes the point
// farthest from its centre. Clusters are numbered in seeding order. Raises InputError("kmeans", ...)
// for no points, a malformed matrix or non-finite values, InputError("kmeans.<param>", ...) for a
// parameter out of range.
KMeansResult kmeans(const FeatureMatrix& points, const KMeansParams& params);

}  // namespace tgvc
