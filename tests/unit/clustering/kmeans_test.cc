#include "codecs/tgvc/clustering/kmeans.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "harness/core/error.h"
#include "tests/unit/clustering/clustering_test_util.h"
#include "tests/unit/clustering/synthetic_points.h"

namespace tgvc {
namespace {

using testing_data::line_points;
using testing_data::same_partition;

double squared(const FeatureMatrix& p, int row, const FeatureMatrix& c, int centre) {
  double s = 0;
  for (int d = 0; d < p.cols; ++d) s += (p.at(row, d) - c.at(centre, d)) * (p.at(row, d) - c.at(centre, d));
  return s;
}

testing_data::LabelledPoints three_blobs() {
  std::vector<testing_data::Blob> blobs = {
      {{0, 0, 0, 0, 0}, 0.5, 40}, {{10, 0, 0, 0, 5}, 0.5, 25}, {{0, -10, 3, 0, 0}, 0.5, 60}};
  return testing_data::gaussian_blobs(blobs, 0, 0, 0, 0, 21);
}

TEST(KMeans, HandExample) {
  const KMeansResult r = kmeans(line_points({0, 1, 10, 11}), {2, 50, 1});
  ASSERT_EQ(r.cluster_count, 2);
  EXPECT_TRUE(same_partition(r.labels, {0, 0, 1, 1}));
  EXPECT_TRUE(r.converged);
  // Centres 0.5 and 10.5; both members are as near: the lower index represents.
  const int low = r.labels[0], high = r.labels[2];
  EXPECT_DOUBLE_EQ(r.centres.at(low, 0), 0.5);
  EXPECT_DOUBLE_EQ(r.centres.at(high, 0), 10.5);
  EXPECT_EQ(r.representatives[low], 0);
  EXPECT_EQ(r.representatives[high], 2);
  EXPECT_DOUBLE_EQ(r.inertia, 1.0);
}

TEST(KMeans, RecoversKnownBlobs) {
  const testing_data::LabelledPoints data = three_blobs();
  const KMeansResult r = kmeans(data.points, {3, 50, 7});
  ASSERT_EQ(r.cluster_count, 3);
  EXPECT_TRUE(r.converged);
  EXPECT_TRUE(same_partition(r.labels, data.truth));
  for (int c = 0; c < 3; ++c) {
    // Centres are the members' means; the representative is a member nearest to its centre.
    std::vector<double> mean(5, 0.0);
    int count = 0;
    double nearest = std::numeric_limits<double>::infinity();
    for (int i = 0; i < data.points.rows; ++i) {
      if (r.labels[i] != c) continue;
      ++count;
      for (int d = 0; d < 5; ++d) mean[d] += data.points.at(i, d);
      nearest = std::min(nearest, squared(data.points, i, r.centres, c));
    }
    for (int d = 0; d < 5; ++d) EXPECT_NEAR(r.centres.at(c, d), mean[d] / count, 1e-12);
    const int rep = r.representatives[c];
    ASSERT_GE(rep, 0);
    EXPECT_EQ(r.labels[rep], c);
    EXPECT_EQ(squared(data.points, rep, r.centres, c), nearest);
  }
}

TEST(KMeans, SameSeedSameResult) {
  const testing_data::LabelledPoints data = three_blobs();
  // Four clusters for three blobs: where the extra centre lands depends on the seed.
  const KMeansResult a = kmeans(data.points, {4, 50, 99});
  const KMeansResult b = kmeans(data.points, {4, 50, 99});
  EXPECT_EQ(a.labels, b.labels);
  EXPECT_EQ(a.representatives, b.representatives);
  EXPECT_EQ(a.centres.values, b.centres.values);
  EXPECT_EQ(a.inertia, b.inertia);
  bool any_differs = false;
  for (uint64_t seed = 1; seed <= 8 && !any_differs; ++seed) {
    any_differs = kmeans(data.points, {4, 50, seed}).labels != a.labels;
  }
  EXPECT_TRUE(any_differs);
}

TEST(KMeans, FewerDistinctPointsThanClusters) {
  const KMeansResult r = kmeans(line_points({3, 3, 8, 3, 8}), {4, 50, 5});
  EXPECT_EQ(r.cluster_count, 2);
  EXPECT_TRUE(same_partition(r.labels, {0, 0, 1, 0, 1}));
  EXPECT_DOUBLE_EQ(r.inertia, 0);
  const KMeansResult one = kmeans(line_points({2}), {15, 50, 5});
  EXPECT_EQ(one.cluster_count, 1);
  EXPECT_EQ(one.representatives, std::vector<int>{0});
}

TEST(KMeans, SingleClusterIsTheMean) {
  const KMeansResult r = kmeans(line_points({1, 2, 6, 7}), {1, 50, 5});
  EXPECT_EQ(r.labels, (std::vector<int>{0, 0, 0, 0}));
  EXPECT_DOUBLE_EQ(r.centres.at(0, 0), 4);
  EXPECT_EQ(r.representatives[0], 1);  // 2 and 6 are both 2 away: the lower index
}

TEST(KMeans, IterationCap) {
  const testing_data::LabelledPoints data = three_blobs();
  const KMeansResult r = kmeans(data.points, {3, 1, 7});
  EXPECT_EQ(r.iterations, 1);
  for (int c = 0; c < r.cluster_count; ++c) EXPECT_EQ(r.labels[r.representatives[c]], c);
}

TEST(KMeans, BadInputs) {
  EXPECT_THROW(kmeans(line_points({1, 2}), {0, 50, 1}), InputError);
  EXPECT_THROW(kmeans(line_points({1, 2}), {1, 0, 1}), InputError);
  EXPECT_THROW(kmeans(FeatureMatrix(0, 2), {1, 50, 1}), InputError);
  EXPECT_THROW(kmeans(line_points({1, std::nan("")}), {1, 50, 1}), InputError);
}

}  // namespace
}  // namespace tgvc
