#include "codecs/tgvc/importance/cluster_importance.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>
#include <opencv2/photo.hpp>

#include "harness/core/colour.h"
#include "harness/core/pixel_box.h"

namespace tgvc {
namespace {

// A frame as 8-bit RGB planes (4:4:4), the samples both inpainting and the embedder see.
Frame to_rgb8(const Frame& frame, ColourSpec colour) {
  Frame rgb = frame.format.family == ColourFamily::kRgb ? frame : yuv_to_rgb(frame, colour);
  const int shift = rgb.format.bit_depth - 8;
  if (shift != 0) {
    for (Plane& p : rgb.planes) {
      for (uint16_t& v : p.samples) v = static_cast<uint16_t>(v >> shift);
    }
    rgb.format.bit_depth = 8;
  }
  return rgb;
}

// 8-bit interleaved RGB, as OpenCV's inpainting takes it.
cv::Mat interleaved(const Frame& rgb8) {
  cv::Mat mat(rgb8.height(), rgb8.width(), CV_8UC3);
  for (int y = 0; y < rgb8.height(); ++y) {
    auto* out = mat.ptr<uint8_t>(y);
    const uint16_t* in[3] = {rgb8.planes[0].row(y), rgb8.planes[1].row(y), rgb8.planes[2].row(y)};
    for (int x = 0; x < rgb8.width(); ++x) {
      for (int c = 0; c < 3; ++c) out[3 * x + c] = static_cast<uint8_t>(in[c][x]);
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

// The box of half-size `half` around (cx, cy), clipped to the frame.
PixelBox point_box(int cx, int cy, int half, int width, int height) {
  return {std::max(cx - half, 0), std::max(cy - half, 0), std::min(cx + half, width),
          std::min(cy + half, height)};
}

PixelBox united(const PixelBox& a, const PixelBox& b) {
  if (a.empty()) return b;
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

// Sets `box` (frame coordinates) to 1 in a mask that covers `area` of the frame.
void fill_box(std::vector<uint8_t>& bits, const PixelBox& area, const PixelBox& box) {
  const int stride = area.x1 - area.x0;
  for (int y = box.y0; y < box.y1; ++y) {
    auto row = bits.begin() + static_cast<ptrdiff_t>(y - area.y0) * stride - area.x0;
    std::fill(row + box.x0, row + box.x1, 1);
  }
}

// Samples that cv::inpaint (Navier-Stokes) may read or write around its mask: the radius, the
// image gradients one and two samples beyond it, and one for the dilation before it. Inpainting a
// crop grown by this much gives the same samples as inpainting the whole frame (the
// fast-marching order of the band is raster order either way), at the cost of the crop.
constexpr int kInpaintMarginBeyondRadius = 4;

// cosine_similarity may exceed 1 by a few units in the last place; a frame's 1 - cos is at least
// minus this.
constexpr double kCosineRoundingMargin = 1e-12;

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

BoxedMask cluster_mask(const std::vector<const Track*>& members, int frame, int width, int height,
                       double max_mask_share) {
  const int half = std::max(width / 64, 1);
  std::vector<PixelBox> visible_boxes, all_boxes;
  PixelBox all_area;
  BoxedMask out;
  for (const Track* t : members) {
    const int x = static_cast<int>(t->x[frame]);  // truncation, as the paper's code does
    const int y = static_cast<int>(t->y[frame]);
    if (t->x[frame] < 0 || t->y[frame] < 0 || x >= width || y >= height) continue;
    all_boxes.push_back(point_box(x, y, half, width, height));
    all_area = united(all_area, all_boxes.back());
    if (t->visible[frame]) {
      visible_boxes.push_back(all_boxes.back());
      out.box = united(out.box, all_boxes.back());
    }
  }
  if (visible_boxes.empty()) return {};
  // The share covered by the union of all in-frame boxes, counted within their bounding box.
  std::vector<uint8_t> all_bits(static_cast<size_t>(all_area.x1 - all_area.x0) * (all_area.y1 - all_area.y0),
                                0);
  for (const PixelBox& b : all_boxes) fill_box(all_bits, all_area, b);
  const size_t covered = static_cast<size_t>(std::count(all_bits.begin(), all_bits.end(), 1));
  if (static_cast<double>(covered) > max_mask_share * static_cast<double>(width) * height) return {};
  out.bits.assign(static_cast<size_t>(out.box.x1 - out.box.x0) * (out.box.y1 - out.box.y0), 0);
  for (const PixelBox& b : visible_boxes) fill_box(out.bits, out.box, b);
  return out;
}

ImportanceFrames::ImportanceFrames(const Video& clip, const ImageEmbedder& embedder)
    : clip_(clip),
      embedder_(embedder),
      rgb24_(static_cast<size_t>(clip.frame_count())),
      editors_(static_cast<size_t>(clip.frame_count())) {}

const cv::Mat& ImportanceFrames::rgb24(int frame) {
  prepare(frame);
  return rgb24_[frame];
}

EditEmbedder& ImportanceFrames::editor(int frame) {
  prepare(frame);
  return *editors_[frame];
}

void ImportanceFrames::prepare(int frame) {
  if (editors_[frame]) return;
  const Frame rgb = to_rgb8(clip_.frames[frame], clip_.info.colour);
  rgb24_[frame] = interleaved(rgb);
  editors_[frame] = embedder_.edits_of(rgb, clip_.info.colour);
}

const Embedding& ImportanceFrames::embedding(int frame) {
  return editor(frame).reference();
}

Embedding ImportanceFrames::edited_embedding(int frame, const cv::Mat& edited, const PixelBox& area) {
  const cv::Rect roi(area.x0, area.y0, area.x1 - area.x0, area.y1 - area.y0);
  const PixelBox local = changed_box(rgb24(frame)(roi), edited);
  if (local.empty()) return embedding(frame);
  const PixelBox changed{area.x0 + local.x0, area.y0 + local.y0, area.x0 + local.x1, area.y0 + local.y1};
  return editor(frame).embed_edit(
      from_rgb24(edited(cv::Rect(local.x0, local.y0, local.x1 - local.x0, local.y1 - local.y0))), changed);
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

  const double gain = prepared.embedder().dissimilarity_gain();
  const double by_count = std::round(15.0 * static_cast<double>(members.size()) / 16384);
  // I, its keep and k from a sum of (1 - cos) over the frames.
  const auto decide = [&](double dissimilarity) {
    out.importance = gain * dissimilarity * 16 / frames;
    out.keep = out.importance * out.motion > params.min_importance_motion;
    const int k = static_cast<int>(std::lround(11.25 * out.importance + by_count));
    out.representatives = out.keep ? std::clamp(k, 1, params.max_representatives) : 0;
  };
  double dissimilarity = 0;
  const cv::Mat kernel = cv::Mat::ones(3, 3, CV_8U);
  for (int f = 0; f < frames; ++f) {
    const BoxedMask mask = cluster_mask(members, f, width, height, params.max_mask_share);
    if (mask.box.empty()) continue;  // unmasked: 1 - cos = 0
    // Everything below works on the crop that inpainting can reach (same samples as the frame).
    const PixelBox area = grown(mask.box, params.inpaint_radius + kInpaintMarginBeyondRadius, width, height);
    cv::Mat area_mask(area.y1 - area.y0, area.x1 - area.x0, CV_8U, cv::Scalar(0));
    for (int y = mask.box.y0; y < mask.box.y1; ++y) {
      for (int x = mask.box.x0; x < mask.box.x1; ++x)
        area_mask.at<uint8_t>(y - area.y0, x - area.x0) = 255 * mask.at(x, y);
    }
    cv::Mat dilated;
    cv::dilate(area_mask, dilated, kernel);
    cv::Mat inpainted;
    const cv::Rect roi(area.x0, area.y0, area.x1 - area.x0, area.y1 - area.y0);
    cv::inpaint(prepared.rgb24(f)(roi), dilated, inpainted, params.inpaint_radius, cv::INPAINT_NS);
    dissimilarity +=
        1 - cosine_similarity(prepared.embedding(f), prepared.edited_embedding(f, inpainted, area));
    // Once k has reached its cap, the remaining frames cannot change the outcome: each adds
    // 1 - cos >= 0 (less a rounding margin), and keep and k only grow with I.
    const double margin = kCosineRoundingMargin * (frames - 1 - f);
    if (f + 1 < frames && out.representatives < params.max_representatives) {
      decide(dissimilarity - margin);
      if (out.representatives == params.max_representatives) {
        out.importance_lower_bound = true;
        break;
      }
    }
  }
  out.importance_computed = true;
  if (!out.importance_lower_bound) decide(dissimilarity);
  return out;
}

}  // namespace tgvc
