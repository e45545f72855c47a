#include "codecs/tgvc/tracking/torchscript_tracker.h"

#include <cmath>
#include <map>

#include "codecs/tgvc/torch/api/tgvc_torch_loader.h"
#include "codecs/tgvc/torch/api/torch_model_file.h"
#include "harness/core/error.h"

namespace tgvc {
TorchScriptTracker::TorchScriptTracker(const std::string& path, const std::string& device,
                                       const std::string& where)
    : where_(where) {
  const TorchModelFile file = torch_model_file(path, {where, "flow", "cotracker3-offline"});
  model_ = require_tgvc_torch_backend(where).tracker(file, device);
}

TorchScriptTracker::~TorchScriptTracker() = default;

std::string TorchScriptTracker::version() const {
  return "1 (model " + model_->sha256().substr(0, 12) + ")";
}

const std::string& TorchScriptTracker::model_sha256() const {
  return model_->sha256();
}

std::string TorchScriptTracker::model_shapes() const {
  return model_->shapes();
}

Tracks TorchScriptTracker::track(const Video& clip, const std::vector<TrackQuery>& queries) const {
  const int frames = clip.frame_count();
  for (size_t i = 0; i < queries.size(); ++i) check_track_query(queries[i], i, frames);
  if (queries.empty()) return {};
  const int width = clip.frames[0].width();
  const int height = clip.frames[0].height();
  for (int f = 0; f < frames; ++f) {
    const std::string where = where_ + " clip frame " + std::to_string(f);
    check_frame_planes(clip.frames[f], where);
    if (clip.frames[f].width() != width || clip.frames[f].height() != height ||
        clip.frames[f].format != clip.frames[0].format) {
      throw InputError(
          where,
          "the size and format of frame 0 (" + std::to_string(width) + "x" + std::to_string(height) + ")",
          std::to_string(clip.frames[f].width()) + "x" + std::to_string(clip.frames[f].height()));
    }
  }

  // Every track starts as its query, held still; in-frame queries are visible on their frame.
  Tracks tracks(queries.size());
  std::map<int, std::vector<size_t>> by_frame;
  for (size_t i = 0; i < queries.size(); ++i) {
    const TrackQuery& q = queries[i];
    tracks[i] = track_at_query(q, frames, width, height);
    if (tracks[i].visible[q.frame]) by_frame[q.frame].push_back(i);
  }
  for (const auto& [frame, members] : by_frame) {
    follow(clip, frame, +1, queries, members, tracks);
    follow(clip, frame, -1, queries, members, tracks);
  }
  return tracks;
}

void TorchScriptTracker::follow(const Video& clip, int frame, int direction,
                                const std::vector<TrackQuery>& queries, const std::vector<size_t>& members,
                                Tracks& tracks) const {
  const int length = direction > 0 ? clip.frame_count() - frame : frame + 1;
  if (length < 2) return;
  Video segment;  // described by its frames, which the model reads
  segment.info = clip.info;
  segment.info.width = clip.frames[0].width();
  segment.info.height = clip.frames[0].height();
  segment.info.format = clip.frames[0].format;
  for (int s = 0; s < length; ++s) segment.frames.push_back(clip.frames[frame + direction * s]);
  std::vector<TrackQuery> points;
  for (size_t i : members) points.push_back({queries[i].x, queries[i].y, 0});
  const Tracks part = model_->track_from_first_frame(segment, points);
  const int width = clip.frames[0].width();
  const int height = clip.frames[0].height();
  for (size_t m = 0; m < members.size(); ++m) {
    Track& track = tracks[members[m]];
    for (int s = 1; s < length; ++s) {
      const int f = frame + direction * s;
      track.x[f] = part[m].x[s];
      track.y[f] = part[m].y[s];
      track.visible[f] = part[m].visible[s] && inside_frame(track.x[f], track.y[f], width, height) ? 1 : 0;
    }
  }
}

}  // namespace tgvc
