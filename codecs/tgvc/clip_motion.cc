#include "codecs/tgvc/clip_motion.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "codecs/tgvc/clustering/hdbscan.h"
#include "codecs/tgvc/clustering/kmeans.h"
#include "codecs/tgvc/clustering/track_features.h"
#include "codecs/tgvc/clustering/track_series.h"
#include "codecs/tgvc/clustering/zscore.h"
#include "codecs/tgvc/importance/cluster_importance.h"

namespace tgvc {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// k-means centres of the members' (x, y, visibility) series as coded tracks.
std::vector<CodedTrack> representatives(const Tracks& tracks, const std::vector<int>& members, int k,
                                        int frames, uint32_t seed) {
  const FeatureMatrix series = track_series(tracks, members);
  KMeansParams params;
  params.k = k;
  params.seed = seed;
  const KMeansResult result = kmeans(series, params);
  std::vector<CodedTrack> out;
  for (int c = 0; c < result.centres.rows; ++c) {
    CodedTrack t;
    for (int f = 0; f < frames; ++f) {
      t.x.push_back(static_cast<float>(result.centres.at(c, 3 * f)));
      t.y.push_back(static_cast<float>(result.centres.at(c, 3 * f + 1)));
      t.visible.push_back(result.centres.at(c, 3 * f + 2) > 0 ? 1 : 0);
    }
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace

ClipTrajectories clip_trajectories(const Video& clip, const Tracker& tracker, const ImageEmbedder& embedder,
                                   const TgvcParams& params, ClipMotionStats* stats) {
  ClipMotionStats local;
  ClipMotionStats& s = stats ? *stats : local;
  const int frames = clip.frame_count();
  ClipTrajectories out;
  out.frames = frames;
  if (frames < 3 || params.trajectory_scale <= 0) return out;

  auto t = Clock::now();
  const Tracks tracks =
      tracker.track(clip, grid_queries(clip.info.width, clip.info.height, frames, params.grid));
  s.tracks = static_cast<int>(tracks.size());
  s.tracking_s += seconds_since(t);

  t = Clock::now();
  FeatureMatrix features = track_features(tracks);
  zscore_columns(features);
  const HdbscanResult clusters = hdbscan(features, params.clustering);
  const int cluster_count =
      clusters.labels.empty() ? 0 : *std::max_element(clusters.labels.begin(), clusters.labels.end()) + 1;
  s.clusters += cluster_count;
  s.clustering_s += seconds_since(t);

  ImportanceFrames importance_frames(clip, embedder);
  for (int c = 0; c < cluster_count; ++c) {
    std::vector<int> members;
    std::vector<const Track*> member_tracks;
    for (size_t i = 0; i < tracks.size(); ++i) {
      if (clusters.labels[i] == c) {
        members.push_back(static_cast<int>(i));
        member_tracks.push_back(&tracks[i]);
      }
    }
    t = Clock::now();
    const ClusterImportance importance =
        cluster_importance(importance_frames, member_tracks, params.importance);
    s.importance_s += seconds_since(t);
    if (!importance.keep) continue;
    const int k =
        std::clamp(static_cast<int>(std::lround(importance.representatives * params.trajectory_scale)), 1,
                   std::min<int>(params.importance.max_representatives, static_cast<int>(members.size())));
    t = Clock::now();
    for (CodedTrack& rep : representatives(tracks, members, k, frames, params.seed))
      out.tracks.push_back(std::move(rep));
    s.clustering_s += seconds_since(t);
    ++s.kept;
  }
  s.representatives += static_cast<int>(out.tracks.size());
  return out;
}

}  // namespace tgvc
