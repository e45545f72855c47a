// The pruned core distances and Prim (k-d tree in principal axes) against the plain O(n^2) paths:
// bit-identical core distances and the same spanning-tree edges in the same order (from, to and
// weight), on data made to break pruning: lattice points with ties everywhere and duplicates,
// correlated features of rank below their dimension, far outliers, T-GVC's track features.
#include <cmath>
#include <cstring>
#include <vector>

#include <gtest/gtest.h>

#include "codecs/tgvc/clustering/hdbscan_distances.h"
#include "codecs/tgvc/clustering/hdbscan_mst.h"
#include "codecs/tgvc/clustering/kd_partition.h"
#include "codecs/tgvc/clustering/principal_axes.h"
#include "codecs/tgvc/clustering/track_features.h"
#include "codecs/tgvc/clustering/zscore.h"
#include "tests/unit/clustering/reference_mst.h"
#include "tests/unit/clustering/synthetic_points.h"

namespace tgvc {
namespace {

using testing_data::Draws;

// Points with integer coordinates in [0, levels): many equal distances, equal core distances and
// duplicated points, so Prim's tie-breaking decides most steps.
FeatureMatrix lattice(int rows, int cols, int levels, uint64_t seed) {
  Draws draws(seed);
  FeatureMatrix m(rows, cols);
  for (double& v : m.values) v = std::floor(draws.uniform(0, levels));
  return m;
}

// 14 columns of rank 6 (like T-GVC's features: net displacement is end minus start), two blobs, and
// a few outliers a million units away.
FeatureMatrix correlated_with_outliers(uint64_t seed) {
  Draws draws(seed);
  const int rows = 700;
  FeatureMatrix m(rows, 14);
  for (int r = 0; r < rows; ++r) {
    double base[6];
    for (double& b : base) b = draws.normal() + (r % 2 ? 4.0 : 0.0);
    if (r % 97 == 0) base[r % 6] += 1e6;
    for (int c = 0; c < 14; ++c) {
      const int a = c % 6, b = (c * 5 + 1) % 6;
      m.at(r, c) = c < 6 ? base[c] : base[a] - 0.5 * base[b];
    }
  }
  return m;
}

// T-GVC's z-scored track features of a clip with a still background and three moving rectangles.
FeatureMatrix track_feature_matrix() {
  const testing_data::SyntheticTracks clip = testing_data::moving_rect_tracks(
      24, 16, {{40, 40, 200, 160, 3.0, 0.5}, {300, 150, 460, 300, -2.0, -1.0}, {220, 20, 300, 90, 0.0, 4.0}},
      0.3, 7);
  FeatureMatrix f = track_features(clip.tracks);
  zscore_columns(f);
  return f;
}

void expect_same_edges(const std::vector<MstEdge>& fast, const std::vector<MstEdge>& plain) {
  ASSERT_EQ(fast.size(), plain.size());
  for (size_t i = 0; i < fast.size(); ++i) {
    ASSERT_EQ(fast[i].from, plain[i].from) << "edge " << i;
    ASSERT_EQ(fast[i].to, plain[i].to) << "edge " << i;
    ASSERT_EQ(std::memcmp(&fast[i].weight, &plain[i].weight, sizeof(double)), 0)
        << "edge " << i << ": " << fast[i].weight << " vs " << plain[i].weight;
  }
}

void expect_exact(const FeatureMatrix& p, const char* what) {
  SCOPED_TRACE(what);
  for (int k : {1, 6, 40}) {
    if (k > p.rows - 1) continue;
    const std::vector<double> core = core_distances(p, k);
    EXPECT_EQ(core, testing_data::reference_core_distances(p, k)) << "k " << k;
    EXPECT_EQ(core, core_distances(p, k, 3)) << "k " << k;
  }
  const std::vector<double> core = core_distances(p, 6);
  expect_same_edges(mutual_reachability_mst(p, core), testing_data::reference_prim(p, core));
  // Core distance 0 everywhere: the plain distances decide, with their ties.
  const std::vector<double> zero(p.rows, 0.0);
  expect_same_edges(mutual_reachability_mst(p, zero), testing_data::reference_prim(p, zero));
}

TEST(HdbscanExactPaths, LatticeWithTiesAndDuplicates) {
  expect_exact(lattice(500, 3, 5, 1), "3-D, 5 levels");
  expect_exact(lattice(300, 14, 2, 2), "14-D, 2 levels");
  expect_exact(lattice(37, 2, 3, 3), "fewer points than a full tree");
}

TEST(HdbscanExactPaths, CorrelatedFeaturesWithFarOutliers) {
  expect_exact(correlated_with_outliers(4), "rank 6");
}

TEST(HdbscanExactPaths, TrackFeatures) {
  expect_exact(track_feature_matrix(), "T-GVC features");
}

TEST(HdbscanExactPaths, HugeValuesWhoseSquaresOverflow) {
  // 1e100: squares fit; 1e160: squared distances and the covariance overflow to infinity (the
  // plain paths then give infinite core distances and keys, and so must the pruned ones).
  for (const double scale : {1e100, 1e160}) {
    FeatureMatrix p = lattice(400, 4, 6, 20);
    for (double& v : p.values) v *= scale;
    expect_exact(p, scale > 1e150 ? "1e160" : "1e100");
  }
}

TEST(HdbscanExactPaths, TinyInputs) {
  for (int rows = 2; rows <= 5; ++rows) {
    const FeatureMatrix p = lattice(rows, 2, 3, 10 + rows);
    const std::vector<double> core = core_distances(p, 1);
    EXPECT_EQ(core, testing_data::reference_core_distances(p, 1));
    expect_same_edges(mutual_reachability_mst(p, core), testing_data::reference_prim(p, core));
  }
}

TEST(KdPartition, BoundsNeverExceedADistance) {
  const FeatureMatrix p = correlated_with_outliers(5);
  const KdPartition tree = kd_partition(p, 16);
  EXPECT_LT(tree.bound_dim, 14);  // rank 6: the trailing axes hold no spread
  std::vector<int> seen(p.rows, 0);
  for (int node = tree.first_leaf(); node < tree.nodes(); ++node) {
    EXPECT_LE(tree.end[node] - tree.begin[node], 16);
    for (int pos = tree.begin[node]; pos < tree.end[node]; ++pos) ++seen[tree.order[pos]];
  }
  EXPECT_EQ(seen, std::vector<int>(p.rows, 1));  // the leaves partition the rows
  for (int q = 0; q < p.rows; q += 7) {
    for (int node = 0; node < tree.nodes(); ++node) {
      const size_t at = static_cast<size_t>(node) * tree.dim;
      const double bound = tree.conservative(
          hdbscan_detail::box_bound(tree.lo.data() + at, tree.hi.data() + at,
                                    tree.coords.data() + static_cast<size_t>(q) * tree.dim, tree.bound_dim));
      // tree.coords is by position: compare with the point at position q.
      const double* query = p.row(tree.order[q]);
      for (int pos = tree.begin[node]; pos < tree.end[node]; ++pos) {
        double d2 = 0;
        for (int k = 0; k < p.cols; ++k)
          d2 += (p.at(tree.order[pos], k) - query[k]) * (p.at(tree.order[pos], k) - query[k]);
        ASSERT_LE(bound, d2) << "node " << node << " position " << pos;
      }
    }
  }
}

TEST(PrincipalAxes, OrthonormalAndOrderedBySpread) {
  const FeatureMatrix p = correlated_with_outliers(6);
  const std::vector<double> axes = principal_axes(p);
  const int dim = p.cols;
  for (int a = 0; a < dim; ++a) {
    for (int b = 0; b < dim; ++b) {
      double dot = 0;
      for (int k = 0; k < dim; ++k) dot += axes[a * dim + k] * axes[b * dim + k];
      EXPECT_NEAR(dot, a == b ? 1.0 : 0.0, 1e-12) << a << " " << b;
    }
  }
  // Spread along an axis: the variance of the projections, non-increasing.
  double previous = INFINITY;
  for (int a = 0; a < dim; ++a) {
    double mean = 0, square = 0;
    for (int r = 0; r < p.rows; ++r) {
      double y = 0;
      for (int k = 0; k < dim; ++k) y += axes[a * dim + k] * p.at(r, k);
      mean += y;
      square += y * y;
    }
    const double variance = square / p.rows - (mean / p.rows) * (mean / p.rows);
    EXPECT_LE(variance, previous * (1 + 1e-9) + 1e-6) << "axis " << a;
    previous = variance;
  }
}

}  // namespace
}  // namespace tgvc
