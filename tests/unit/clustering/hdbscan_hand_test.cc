// HDBSCAN on a tiny 1-D set whose condensed tree is worked out by hand (min_samples 1: the core
// distance is the distance to the nearest other point).
//
//   A = {0, 1, 2}        core 1,   joined at mutual reachability 1   (lambda 1)
//   B = {10, 10.5, 11}   core 0.5, joined at 0.5                     (lambda 2)
//   D = {100 .. 100.75}  core 0.25, joined at 0.25                   (lambda 4)
//   A-B: 8 (2 to 10), AB-D: 89 (11 to 100), noise point 300: 199.25 (to 100.75).
//
// With min_cluster_size 3: the root loses 300 at lambda 1/199.25 and splits at 1/89 into AB (6)
// and D (4); AB splits at 1/8 into A and B. Stabilities: A 3 (1 - 1/8), B 3 (2 - 1/8), D 4 (4 - 1/89),
// AB 6 (1/8 - 1/89) < A + B, so excess of mass chooses A, B and D; 300 is noise.
#include "codecs/tgvc/clustering/hdbscan.h"

#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "codecs/tgvc/clustering/hdbscan_mst.h"
#include "codecs/tgvc/clustering/hdbscan_selection.h"
#include "codecs/tgvc/clustering/hdbscan_tree.h"
#include "harness/core/error.h"
#include "tests/unit/clustering/clustering_test_util.h"

namespace tgvc {
namespace {

using testing_data::line_points;

// Point order mixes the groups: D first, then B, the noise point, A ...
const FeatureMatrix& hand_points() {
  static const FeatureMatrix points = line_points({100.5, 11, 300, 0, 1, 10, 100, 2, 10.5, 100.25, 100.75});
  return points;
}

std::vector<int> labels_of(const HdbscanParams& params) {
  return hdbscan(hand_points(), params).labels;
}

HdbscanParams hand_params(double epsilon, int min_cluster_size = 3, bool single = false) {
  HdbscanParams p;
  p.min_cluster_size = min_cluster_size;
  p.min_samples = 1;
  p.cluster_selection_epsilon = epsilon;
  p.allow_single_cluster = single;
  return p;
}

TEST(HdbscanHand, CoreDistancesCountOtherPoints) {
  const FeatureMatrix p = line_points({0, 1, 3, 7});
  EXPECT_EQ(core_distances(p, 1), (std::vector<double>{1, 1, 2, 4}));
  EXPECT_EQ(core_distances(p, 2), (std::vector<double>{3, 2, 3, 6}));
  EXPECT_EQ(core_distances(p, 3), (std::vector<double>{7, 6, 4, 7}));
  // A duplicate is a neighbour at distance 0.
  EXPECT_EQ(core_distances(line_points({5, 5, 9}), 1), (std::vector<double>{0, 0, 4}));
}

TEST(HdbscanHand, SpanningTreeAndStabilities) {
  const FeatureMatrix& p = hand_points();
  const std::vector<MstEdge> mst = mutual_reachability_mst(p, core_distances(p, 1));
  ASSERT_EQ(mst.size(), 10u);
  std::vector<double> weights;
  for (const MstEdge& e : mst) weights.push_back(e.weight);
  std::sort(weights.begin(), weights.end());
  EXPECT_EQ(weights, (std::vector<double>{0.25, 0.25, 0.25, 0.5, 0.5, 1, 1, 8, 89, 199.25}));

  const CondensedTree tree = condense_tree(single_linkage(mst, p.rows), p.rows, 3);
  EXPECT_EQ(tree.cluster_count(), 5);  // root, AB, D, A, B
  std::vector<double> stability = cluster_stabilities(tree);
  EXPECT_DOUBLE_EQ(stability[0], 1 / 199.25 + 10.0 / 89);  // the root
  std::sort(stability.begin() + 1, stability.end());
  EXPECT_DOUBLE_EQ(stability[1], 6 * (1.0 / 8 - 1.0 / 89));  // AB
  EXPECT_DOUBLE_EQ(stability[2], 3 * (1 - 1.0 / 8));         // A
  EXPECT_DOUBLE_EQ(stability[3], 3 * (2 - 1.0 / 8));         // B
  EXPECT_DOUBLE_EQ(stability[4], 4 * (4 - 1.0 / 89));        // D
}

TEST(HdbscanHand, ExcessOfMassChoosesTheLeavesAndLeavesNoise) {
  const HdbscanResult r = hdbscan(hand_points(), hand_params(0));
  EXPECT_EQ(r.cluster_count, 3);
  // Clusters are numbered by their first point: D (index 0), B (index 1), A (index 3).
  EXPECT_EQ(r.labels, (std::vector<int>{0, 1, -1, 2, 2, 1, 0, 2, 1, 0, 0}));
}

TEST(HdbscanHand, EpsilonMergesUpToTheAncestorBornAboveIt) {
  const std::vector<int> separate{0, 1, -1, 2, 2, 1, 0, 2, 1, 0, 0};
  const std::vector<int> merged{0, 1, -1, 1, 1, 1, 0, 1, 1, 0, 0};
  EXPECT_EQ(labels_of(hand_params(5)), separate);  // A and B are born at distance 8 >= 5
  EXPECT_EQ(labels_of(hand_params(8)), separate);  // not below epsilon: kept
  EXPECT_EQ(labels_of(hand_params(10)), merged);   // 8 < 10: A and B become AB (born at 89)
  // Beyond 89 the merge would reach the root, which is not allowed: AB and D stay.
  EXPECT_EQ(labels_of(hand_params(100)), merged);
  EXPECT_EQ(labels_of(hand_params(1000)), merged);
}

TEST(HdbscanHand, SingleClusterOnlyWhenAllowed) {
  // allow_single_cluster with epsilon 100: the merge climbs to the root; points that left it at
  // lambda >= 1/100 are members (300 left at 1/199.25: noise).
  EXPECT_EQ(labels_of(hand_params(100, 3, true)), (std::vector<int>{0, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0}));
  EXPECT_EQ(labels_of(hand_params(300, 3, true)), std::vector<int>(11, 0));
  // Without epsilon the leaves win as before.
  EXPECT_EQ(labels_of(hand_params(0, 3, true)), (std::vector<int>{0, 1, -1, 2, 2, 1, 0, 2, 1, 0, 0}));
}

TEST(HdbscanHand, MinClusterSize) {
  // 4: A and B (3 each) are too small, so AB is a leaf next to D (4).
  EXPECT_EQ(labels_of(hand_params(0, 4)), (std::vector<int>{0, 1, -1, 1, 1, 1, 0, 1, 1, 0, 0}));
  // 5: D falls out of the root too, the root never splits in two: no cluster at all...
  EXPECT_EQ(labels_of(hand_params(0, 5)), std::vector<int>(11, -1));
  // ... unless a single cluster is allowed: members left the root at its largest lambda (1/8).
  EXPECT_EQ(labels_of(hand_params(0, 5, true)), (std::vector<int>{-1, 0, -1, 0, 0, 0, -1, 0, 0, -1, -1}));
  // 12 > all points.
  EXPECT_EQ(labels_of(hand_params(0, 12)), std::vector<int>(11, -1));
}

TEST(HdbscanHand, ScikitLearnConventionCountsThePointItself) {
  HdbscanParams sklearn = hand_params(0);
  sklearn.min_samples = 2;
  sklearn.core_distance = CoreDistanceConvention::kIncludeSelf;
  EXPECT_EQ(labels_of(sklearn), labels_of(hand_params(0)));
  // min_samples 1 counting the point itself: core distance 0, plain single linkage. B, A, D and
  // their splits are unchanged here because every group is evenly spaced.
  sklearn.min_samples = 1;
  EXPECT_EQ(hdbscan(hand_points(), sklearn).cluster_count, 3);
}

TEST(HdbscanHand, CoreDistanceDecidesWhetherAnOutlierJoinsBeforeTheSplit) {
  // A = {0, 1, 2} and B = {6, 7, 8} split at mutual reachability 4; p = -3.2 is 3.2 from A's
  // nearest point and 4.2 from its second nearest. Counting one other point, p joins A at 3.2
  // (before the split) and leaves A later: a member. Counting two, p's core distance is 4.2: it
  // leaves the root before the split: noise.
  const FeatureMatrix p = line_points({0, 1, 2, 6, 7, 8, -3.2});
  HdbscanParams params = hand_params(0);
  auto p_label = [&](int min_samples, CoreDistanceConvention convention) {
    params.min_samples = min_samples;
    params.core_distance = convention;
    const HdbscanResult r = hdbscan(p, params);
    EXPECT_EQ(r.cluster_count, 2);
    return r.labels[6];
  };
  EXPECT_EQ(p_label(1, CoreDistanceConvention::kOtherPoints), 0);
  EXPECT_EQ(p_label(2, CoreDistanceConvention::kOtherPoints), -1);
  EXPECT_EQ(p_label(2, CoreDistanceConvention::kIncludeSelf), 0);
  EXPECT_EQ(p_label(3, CoreDistanceConvention::kIncludeSelf), -1);
}

TEST(HdbscanHand, ChildrenStabilityIsSummedInAFloatAsThePackageDoes) {
  // A hand-made condensed tree: root 4 splits at lambda 1 into clusters 5 = {0, 1} and 6 = {2, 3}.
  // Stabilities: root 4, cluster 5 (2.5 + 2^-40 - 1) + (2.5 - 1) = 3 + 2^-40, cluster 6 2 (1.5 - 1) = 1.
  // The children sum 4 + 2^-40 beats the root in double but is 4 in float: the root is kept.
  CondensedTree tree;
  tree.points = 4;
  const double tiny = std::ldexp(1.0, -40);
  tree.rows = {{4, 5, 1, 2},   {4, 6, 1, 2},   {5, 0, 2.5 + tiny, 1},
               {5, 1, 2.5, 1}, {6, 2, 1.5, 1}, {6, 3, 1.5, 1}};
  ASSERT_EQ(cluster_stabilities(tree), (std::vector<double>{4, 3 + tiny, 1}));
  const ClusterSelection single = select_clusters(tree, 0, true);
  EXPECT_EQ(single.selected, std::vector<int>{4});
  EXPECT_EQ(single.labels, (std::vector<int>{0, 0, 0, 0}));
  // Without the root as a candidate the two children are chosen.
  EXPECT_EQ(select_clusters(tree, 0, false).labels, (std::vector<int>{0, 0, 1, 1}));
}

TEST(HdbscanHand, MinSamplesIsClampedAndTinyInputsAreNoise) {
  HdbscanParams p = hand_params(0);
  p.min_samples = 1000;  // clamped to 10: every core distance reaches across the set
  EXPECT_EQ(hdbscan(hand_points(), p).labels.size(), 11u);
  EXPECT_EQ(hdbscan(line_points({4}), p).labels, std::vector<int>{-1});
  EXPECT_TRUE(hdbscan(FeatureMatrix(0, 3), p).labels.empty());
  EXPECT_EQ(hdbscan(line_points({4, 4}), p).labels, (std::vector<int>{-1, -1}));
}

TEST(HdbscanHand, BadParametersAndPointsAreInputErrors) {
  auto expect_where = [](const HdbscanParams& p, const FeatureMatrix& m, const std::string& where) {
    try {
      hdbscan(m, p);
      ADD_FAILURE() << "no error for " << where;
    } catch (const InputError& e) {
      EXPECT_EQ(e.where().substr(0, where.size()), where);
    }
  };
  HdbscanParams p;
  p.min_cluster_size = 1;
  expect_where(p, hand_points(), "hdbscan.min_cluster_size");
  p = HdbscanParams{};
  p.min_samples = 0;
  expect_where(p, hand_points(), "hdbscan.min_samples");
  p = HdbscanParams{};
  p.cluster_selection_epsilon = -1;
  expect_where(p, hand_points(), "hdbscan.cluster_selection_epsilon");
  p = HdbscanParams{};
  p.threads = 0;
  expect_where(p, hand_points(), "hdbscan.threads");
  FeatureMatrix nan = line_points({1, 2, std::nan("")});
  expect_where(HdbscanParams{}, nan, "hdbscan row 2");
  FeatureMatrix ragged(3, 2);
  ragged.values.resize(5);
  expect_where(HdbscanParams{}, ragged, "hdbscan");
}

}  // namespace
}  // namespace tgvc
