// HDBSCAN on seeded Gaussian blobs with uniform noise, where the right partition is known.
#include <algorithm>
#include <cmath>
#include <numeric>

#include <gtest/gtest.h>

#include "codecs/tgvc/clustering/hdbscan.h"
#include "codecs/tgvc/clustering/hdbscan_mst.h"
#include "codecs/tgvc/clustering/hdbscan_selection.h"
#include "codecs/tgvc/clustering/hdbscan_tree.h"
#include "tests/unit/clustering/clustering_test_util.h"
#include "tests/unit/clustering/reference_mst.h"
#include "tests/unit/clustering/synthetic_points.h"

namespace tgvc {
namespace {

using testing_data::Blob;
using testing_data::gaussian_blobs;
using testing_data::LabelledPoints;
using testing_data::same_partition;

std::vector<double> axis_point(int dim, int axis, double value) {
  std::vector<double> p(dim, 0.0);
  p[axis] = value;
  return p;
}

// Four blobs of 14-D points (the feature dimension) 4.2 apart, and 60 noise points uniform in a
// cube, at least 9 from every centre: far sparser than any blob.
const LabelledPoints& four_blobs_and_noise() {
  static const LabelledPoints data = [] {
    std::vector<Blob> blobs;
    for (int b = 0; b < 4; ++b) blobs.push_back({axis_point(14, b, 3.0), 0.25, 150 + 20 * b});
    return gaussian_blobs(blobs, 60, -12, 12, 9, 11);
  }();
  return data;
}

TEST(HdbscanBlobs, RecoversBlobsAndNoise) {
  const LabelledPoints& data = four_blobs_and_noise();
  const HdbscanResult r = hdbscan(data.points);  // T-GVC's parameters
  EXPECT_EQ(r.cluster_count, 4);
  EXPECT_TRUE(same_partition(r.labels, data.truth));
  EXPECT_EQ(std::count(r.labels.begin(), r.labels.end(), -1), 60);
  // Numbered by first point: the blobs were generated in order.
  EXPECT_EQ(r.labels[0], 0);
  EXPECT_EQ(r.labels[150], 1);
}

TEST(HdbscanBlobs, EpsilonMergesTwoNearbyBlobs) {
  // Blobs 0 and 1 are 2.5 apart (born as separate clusters at a mutual reachability of about 1.5),
  // blob 2 is 20 away. Epsilon 0 keeps three clusters; epsilon 4 merges the near pair.
  const LabelledPoints data = gaussian_blobs({{axis_point(6, 0, 0.0), 0.2, 120},
                                              {axis_point(6, 0, 2.5), 0.2, 120},
                                              {axis_point(6, 1, 20.0), 0.2, 120}},
                                             0, 0, 0, 0, 5);
  HdbscanParams params;
  params.cluster_selection_epsilon = 0;
  const HdbscanResult separate = hdbscan(data.points, params);
  EXPECT_EQ(separate.cluster_count, 3);
  EXPECT_TRUE(same_partition(separate.labels, data.truth));

  params.cluster_selection_epsilon = 4;
  const HdbscanResult merged = hdbscan(data.points, params);
  std::vector<int> merged_truth = data.truth;
  for (int& t : merged_truth) t = t == 1 ? 0 : t;
  EXPECT_EQ(merged.cluster_count, 2);
  EXPECT_TRUE(same_partition(merged.labels, merged_truth));

  // An epsilon beyond every split would need the root: with no single cluster the top two stay.
  params.cluster_selection_epsilon = 1000;
  EXPECT_EQ(hdbscan(data.points, params).cluster_count, 2);
  params.allow_single_cluster = true;
  const HdbscanResult single = hdbscan(data.points, params);
  EXPECT_EQ(single.cluster_count, 1);
  EXPECT_EQ(std::count(single.labels.begin(), single.labels.end(), 0), 360);
}

TEST(HdbscanBlobs, MinClusterSizeDecidesWhatIsACluster) {
  // Three blobs of 8 points, far apart.
  const LabelledPoints data = gaussian_blobs(
      {{axis_point(3, 0, 0.0), 0.1, 8}, {axis_point(3, 1, 10.0), 0.1, 8}, {axis_point(3, 2, 20.0), 0.1, 8}},
      0, 0, 0, 0, 9);
  HdbscanParams params;
  params.min_samples = 3;
  params.min_cluster_size = 10;
  const HdbscanResult none = hdbscan(data.points, params);
  EXPECT_EQ(none.cluster_count, 0);
  EXPECT_EQ(std::count(none.labels.begin(), none.labels.end(), -1), 24);
  params.min_cluster_size = 8;
  const HdbscanResult three = hdbscan(data.points, params);
  EXPECT_EQ(three.cluster_count, 3);
  EXPECT_TRUE(same_partition(three.labels, data.truth));
}

TEST(HdbscanBlobs, FastPathsMatchTheReference) {
  // Blobs, noise and a duplicated point, in 5-D.
  LabelledPoints data = gaussian_blobs({{axis_point(5, 0, 0.0), 0.5, 150}, {axis_point(5, 1, 3.0), 0.8, 150}},
                                       100, -6, 6, 1, 3);
  data.points.values.insert(data.points.values.end(), data.points.row(7), data.points.row(7) + 5);
  ++data.points.rows;
  const FeatureMatrix& p = data.points;

  for (int k : {1, 6, 40}) {
    const std::vector<double> core = core_distances(p, k);
    EXPECT_EQ(core, core_distances(p, k, 2)) << "k " << k;  // bit-identical with threads
    const std::vector<double> ref = testing_data::reference_core_distances(p, k);
    for (int i = 0; i < p.rows; ++i)
      ASSERT_NEAR(core[i], ref[i], 1e-12 * (1 + ref[i])) << "k " << k << " i " << i;
  }

  const std::vector<double> core = core_distances(p, 6);
  const std::vector<MstEdge> fast = mutual_reachability_mst(p, core);
  const std::vector<MstEdge> slow = testing_data::reference_mst(p, core);
  ASSERT_EQ(fast.size(), slow.size());
  std::vector<double> fast_w, slow_w;
  for (const MstEdge& e : fast) fast_w.push_back(e.weight);
  for (const MstEdge& e : slow) slow_w.push_back(e.weight);
  std::sort(fast_w.begin(), fast_w.end());
  // All minimum spanning trees share one multiset of weights.
  for (size_t i = 0; i < fast_w.size(); ++i) ASSERT_NEAR(fast_w[i], slow_w[i], 1e-12 * (1 + slow_w[i]));

  // Both trees (they may differ between equal weights) give the same clusters.
  for (double epsilon : {0.0, 0.05, 0.5}) {
    const auto labels = [&](const std::vector<MstEdge>& mst) {
      const CondensedTree tree = condense_tree(single_linkage(mst, p.rows), p.rows, 10);
      return select_clusters(tree, epsilon, false).labels;
    };
    EXPECT_TRUE(same_partition(labels(fast), labels(slow))) << "epsilon " << epsilon;
  }
}

TEST(HdbscanBlobs, DeterministicAndIndependentOfThreads) {
  const LabelledPoints& data = four_blobs_and_noise();
  HdbscanParams params;
  const HdbscanResult one = hdbscan(data.points, params);
  params.threads = 2;
  const HdbscanResult two = hdbscan(data.points, params);
  EXPECT_EQ(one.labels, two.labels);
  EXPECT_EQ(one.labels, hdbscan(data.points).labels);
}

}  // namespace
}  // namespace tgvc
