#include "codecs/tgvc/importance/cluster_importance.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>
#include <opencv2/photo.hpp>

#include "harness/core/colour.h"

namespace tgvc {
namespace {

// 8-bit interleaved RGB of a frame, as OpenCV's inpainting takes it.
cv::Mat to_rgb24(const Frame& frame, ColourSpec colour) {
  const Frame rgb = frame.format.family == ColourFamily::kRgb ? frame : yuv_to_rgb(frame, colour);
  const int shift = rgb.format.bit_depth - 8;
  cv::Mat mat(rgb.height(), rgb.width(), CV_8UC3);
  for (int y = 0; y < rgb.height(); ++y) {
    auto* out = mat.ptr<uint8_t>(y);
    for (int x = 0; x < rgb.width(); ++x) {
      for (int c = 0; c < 3; ++c) out[3 * x + c] = static_cast<uint8_t>(rgb.planes[c].at(x, y) >> shift);
    }
  }
  return mat;
}

Frame from_rgb24(const cv::Mat& mat) {
  Frame frame = Frame::allocate(mat.cols, mat.rows, {ChromaFormat::k444, 8, ColourFamily::kRgb});
  for (int y = 0; y < mat.rows; ++y) {
    const auto* in = mat.ptr<uint8_t>(y);
    for (int x = 0; x < mat.cols; ++x) {
      for (int c = 0; c < 3; ++c) frame.planes[c].at(x, y) = in[3 * x + c];
    }
  }
  return frame;
}

void fill_box(std::vector<uint8_t>& mask, int width, int height, int cx, int cy, int half) {
  for (int y = std::max(cy - half, 0); y < std::min(cy + half, height); ++y) {
    std::fill(mask.begin() + static_cast<ptrdiff_t>(y) * width + std::max(cx - half, 0),
              mask.begin() + static_cast<ptrdiff_t>(y) * width + std::min(cx + half, width), 1);
  }
}

}  // namespace

double cluster_motion(const std::vector<const Track*>& members, int clip_frames) {
  double total = 0;
  int steps = 0;
  for (const Track* t : members) {
    for (int f = 1; f < clip_frames; ++f) {
      if (t->visible[f] && t->visible[f - 1]) {
        total += std::hypot(t->x[f] - t->x[f - 1], t->y[f] - t->y[f - 1]);
        ++steps;
      }
    }
  }
  return total / std::max(steps, 1) / clip_frames * 16;
}

std::vector<uint8_t> cluster_mask(const std::vector<const Track*>& members, int frame, int width, int height,
                                  double max_mask_share) {
  const int half = std::max(width / 64, 1);
  std::vector<uint8_t> visible_boxes(static_cast<size_t>(width) * height, 0),
      all_boxes(visible_boxes.size(), 0);
  for (const Track* t : members) {
    const int x = static_cast<int>(t->x[frame]);  // truncation, as the paper's code does
    const int y = static_cast<int>(t->y[frame]);
    if (t->x[frame] < 0 || t->y[frame] < 0 || x >= width || y >= height) continue;
    fill_box(all_boxes, width, height, x, y, half);
    if (t->visible[frame]) fill_box(visible_boxes, width, height, x, y, half);
  }
  const size_t covered = static_cast<size_t>(std::count(all_boxes.begin(), all_boxes.end(), 1));
  if (static_cast<double>(covered) > max_mask_share * static_cast<double>(all_boxes.size())) {
    std::fill(visible_boxes.begin(), visible_boxes.end(), 0);
  }
  return visible_boxes;
}

// The smallest box that holds every pixel where two equal-sized 8-bit RGB images differ.
PixelBox changed_box(const cv::Mat& a, const cv::Mat& b) {
  PixelBox box{a.cols, a.rows, 0, 0};
  for (int y = 0; y < a.rows; ++y) {
    const uint8_t* pa = a.ptr<uint8_t>(y);
    const uint8_t* pb = b.ptr<uint8_t>(y);
    for (int x = 0; x < a.cols; ++x) {
      if (pa[3 * x] == pb[3 * x] && pa[3 * x + 1] == pb[3 * x + 1] && pa[3 * x + 2] == pb[3 * x + 2])
        continue;
      box = {std::min(box.x0, x), std::min(box.y0, y), std::max(box.x1, x + 1), std::max(box.y1, y + 1)};
    }
  }
  return box;
}

ImportanceFrames::ImportanceFrames(const Video& clip, const ImageEmbedder& embedder)
    : clip_(clip),
      embedder_(embedder),
      rgb24_(static_cast<size_t>(clip.frame_count())),
      editors_(static_cast<size_t>(clip.frame_count())) {}

const cv::Mat& ImportanceFrames::rgb24(int frame) {
  if (rgb24_[frame].empty()) rgb24_[frame] = to_rgb24(clip_.frames[frame], clip_.info.colour);
  return rgb24_[frame];
}

EditEmbedder& ImportanceFrames::editor(int frame) {
  if (!editors_[frame]) editors_[frame] = embedder_.edits_of(from_rgb24(rgb24(frame)), clip_.info.colour);
  return *editors_[frame];
}

const Embedding& ImportanceFrames::embedding(int frame) {
  return editor(frame).reference();
}

Embedding ImportanceFrames::edited_embedding(int frame, const cv::Mat& edited) {
  return editor(frame).embed_edit(from_rgb24(edited), changed_box(rgb24(frame), edited));
}

ClusterImportance cluster_importance(ImportanceFrames& prepared, const std::vector<const Track*>& members,
                                     const ImportanceParams& params) {
  const Video& clip = prepared.clip();
  const int frames = clip.frame_count();
  const int width = clip.info.width;
  const int height = clip.info.height;
  ClusterImportance out;
  out.motion = cluster_motion(members, frames);
  if (out.motion <= params.min_motion) return out;  // cannot be kept: skip the inpainting

  double dissimilarity = 0;
  const cv::Mat kernel = cv::Mat::ones(3, 3, CV_8U);
  for (int f = 0; f < frames; ++f) {
    std::vector<uint8_t> mask = cluster_mask(members, f, width, height, params.max_mask_share);
    if (std::find(mask.begin(), mask.end(), 1) == mask.end()) continue;  // unmasked: 1 - cos = 0
    cv::Mat mask_mat(height, width, CV_8U, mask.data());
    cv::Mat dilated;
    cv::dilate(mask_mat * 255, dilated, kernel);
    cv::Mat inpainted;
    cv::inpaint(prepared.rgb24(f), dilated, inpainted, params.inpaint_radius, cv::INPAINT_NS);
    dissimilarity += 1 - cosine_similarity(prepared.embedding(f), prepared.edited_embedding(f, inpainted));
  }
  out.importance = prepared.embedder().dissimilarity_gain() * dissimilarity * 16 / frames;
  out.importance_computed = true;
  out.keep = out.importance * out.motion > params.min_importance_motion;
  if (out.keep) {
    const double by_count = std::round(15.0 * static_cast<double>(members.size()) / 16384);
    const int k = static_cast<int>(std::lround(11.25 * out.importance + by_count));
    out.representatives = std::clamp(k, 1, params.max_representatives);
  }
  return out;
}

}  // namespace tgvc
