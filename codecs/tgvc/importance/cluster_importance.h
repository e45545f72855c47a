// Which motion instances T-GVC transmits, and with how many representatives (DESIGN 4.5, 4.6).
#pragma once

#include <memory>
#include <vector>

#include <opencv2/core.hpp>

#include "codecs/tgvc/keyframes/image_embedder.h"
#include "harness/tracking/tracks.h"

namespace tgvc {

struct ImportanceParams {
  double max_mask_share = 0.4;         // a frame whose boxes would cover more is left unmasked
  int inpaint_radius = 3;              // Navier-Stokes inpainting radius, pixels
  double min_importance_motion = 0.3;  // keep when I * M exceeds this ...
  double min_motion = 1;               // ... and M exceeds this (calibrated on real clips: docs/tgvc.md)
  int max_representatives = 15;
};

struct ClusterImportance {
  double motion = 0;  // M = mean visible step length * 16 / L
  double importance =
      0;  // I = gain * (16 / L) * sum over frames of (1 - cos(embed(frame), embed(inpainted)))
  bool importance_computed = false;  // I is only computed when M passes its threshold
  // `importance` is a lower bound of I: the frames summed so far already put k at its cap, so the
  // rest were not inpainted (keep and k are those of the whole sum).
  bool importance_lower_bound = false;
  bool keep = false;
  int representatives = 0;  // k = clamp(round(11.25 I + round(15 N / 16384)), 1, 15) when kept
};

// The motion term alone (no inpainting): mean length of the steps between consecutive frames
// where the track is visible in both, times 16 / L.
double cluster_motion(const std::vector<const Track*>& members, int clip_frames);

// A 0/1 mask of a frame that is 0 outside `box`; `bits` holds the box's samples, row-major.
struct BoxedMask {
  PixelBox box;
  std::vector<uint8_t> bits;
  uint8_t at(int x, int y) const {
    return box.empty() || x < box.x0 || y < box.y0 || x >= box.x1 || y >= box.y1
               ? 0
               : bits[static_cast<size_t>(y - box.y0) * (box.x1 - box.x0) + (x - box.x0)];
  }
};

// Square boxes of half-size width/64 (8 pixels at 512 wide) around each member's point in frame
// `frame`, as a 0/1 mask before dilation: boxes of visible points only, unless the boxes of all
// in-frame points would cover more than `max_mask_share` of the frame (then empty). The mask is
// kept to the visible boxes' bounding box, so that its cost follows the cluster, not the frame.
BoxedMask cluster_mask(const std::vector<const Track*>& members, int frame, int width, int height,
                       double max_mask_share);

// A clip's frames as the importance step takes them, shared by all of the clip's clusters: the
// 8-bit RGB of each frame and an EditEmbedder for it, made on first use (every cluster masks the
// same original frames; embedding them in full once per cluster was most of the encoder's time).
class ImportanceFrames {
 public:
  ImportanceFrames(const Video& clip, const ImageEmbedder& embedder);
  const Video& clip() const { return clip_; }
  const ImageEmbedder& embedder() const { return embedder_; }
  const cv::Mat& rgb24(int frame);
  // The embeddings of frame `frame` and of the frame with `edited` (8-bit RGB) in place of `area`.
  const Embedding& embedding(int frame);
  Embedding edited_embedding(int frame, const cv::Mat& edited, const PixelBox& area);

 private:
  EditEmbedder& editor(int frame);
  void prepare(int frame);  // both forms of the frame, made together on first use

  const Video& clip_;
  const ImageEmbedder& embedder_;
  std::vector<cv::Mat> rgb24_;
  std::vector<std::unique_ptr<EditEmbedder>> editors_;
};

// Evaluates one cluster of a clip; N in the formula for k is the cluster's member count. Each
// masked frame and its inpainted version are embedded from the same 8-bit RGB, so that only the
// inpainting differs between them.
ClusterImportance cluster_importance(ImportanceFrames& frames, const std::vector<const Track*>& members,
                                     const ImportanceParams& params);

}  // namespace tgvc
