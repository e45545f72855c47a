// The whole of DESIGN 4.4 and the k-means of 4.6 on tracks of a synthetic clip with a still
// background and moving rectangles: each motion instance must hold tracks of one motion only.
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "codecs/tgvc/clustering/hdbscan.h"
#include "codecs/tgvc/clustering/kmeans.h"
#include "codecs/tgvc/clustering/track_features.h"
#include "codecs/tgvc/clustering/track_series.h"
#include "codecs/tgvc/clustering/zscore.h"
#include "harness/core/error.h"
#include "tests/unit/clustering/synthetic_points.h"

namespace tgvc {
namespace {

TEST(MotionInstances, ClustersDoNotMixMotions) {
  // 2 x 32 x 32 tracks over 16 frames; three rectangles moving differently.
  const testing_data::SyntheticTracks clip = testing_data::moving_rect_tracks(
      32, 16, {{40, 40, 200, 160, 3.0, 0.5}, {300, 150, 460, 300, -2.0, -1.0}, {220, 20, 300, 90, 0.0, 4.0}},
      0.3, 7);
  FeatureMatrix features = track_features(clip.tracks);
  zscore_columns(features);
  const HdbscanResult r = hdbscan(features);
  ASSERT_GE(r.cluster_count, 3);

  std::map<int, std::set<int>> motions_of_cluster;
  std::map<int, int> clustered_tracks_of_motion;
  for (size_t t = 0; t < clip.tracks.size(); ++t) {
    if (r.labels[t] < 0) continue;
    motions_of_cluster[r.labels[t]].insert(clip.motion[t]);
    ++clustered_tracks_of_motion[clip.motion[t]];
  }
  for (const auto& [cluster, motions] : motions_of_cluster)
    EXPECT_EQ(motions.size(), 1u) << "cluster " << cluster;
  // Every rectangle is found (the smallest covers about 20 tracks per grid).
  for (int motion = 1; motion <= 3; ++motion) EXPECT_GE(clustered_tracks_of_motion[motion], 10) << motion;

  // Representatives of the first rectangle's largest instance: k-means on (x, y, visible) series.
  std::map<int, std::vector<int>> members;
  for (size_t t = 0; t < clip.tracks.size(); ++t) {
    if (r.labels[t] >= 0 && clip.motion[t] == 1) members[r.labels[t]].push_back(static_cast<int>(t));
  }
  const std::vector<int>* biggest = nullptr;
  for (const auto& [cluster, list] : members) {
    if (!biggest || list.size() > biggest->size()) biggest = &list;
  }
  ASSERT_NE(biggest, nullptr);
  const FeatureMatrix series = track_series(clip.tracks, *biggest);
  ASSERT_EQ(series.cols, 48);
  const KMeansResult reps = kmeans(series, {5, 50, 3});
  EXPECT_EQ(reps.cluster_count, 5);
  for (int c = 0; c < reps.cluster_count; ++c) {
    EXPECT_EQ(reps.labels[reps.representatives[c]], c);
  }
}

TEST(MotionInstances, TrackSeriesLayout) {
  Track a;
  a.x = {1, 2};
  a.y = {3, 4};
  a.visible = {1, 0};
  Track b = a;
  b.x = {5, 6};
  const FeatureMatrix s = track_series({a, b}, {1, 0});
  EXPECT_EQ(s.values, (std::vector<double>{5, 3, 1, 6, 4, 0, 1, 3, 1, 2, 4, 0}));
  Track longer = a;
  longer.x.push_back(1);
  longer.y.push_back(1);
  longer.visible.push_back(1);
  EXPECT_THROW(track_series({a, longer}, {0, 1}), InputError);
  EXPECT_THROW(track_series({a}, {1}), InputError);
  EXPECT_EQ(track_series({a}, {}).rows, 0);
}

}  // namespace
}  // namespace tgvc
