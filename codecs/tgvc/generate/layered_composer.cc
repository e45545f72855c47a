#include "codecs/tgvc/generate/layered_composer.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "codecs/tgvc/generate/plane_sampling.h"
#include "codecs/tgvc/generate/row_reads.h"
#include "harness/core/error.h"
#include "harness/core/sample_rounding.h"

namespace tgvc {
namespace {

// The luma-pixel box of frame j that a layer can cover: its keyframe boxes moved to frame j.
PixelBox frame_box(const InstanceLayer& layer, int j, int width, int height) {
  double minx = width, miny = height, maxx = 0, maxy = 0;
  const auto add = [&](const PixelBox& box, const SimilarityMotion& s) {
    if (box.empty()) return;
    for (double x : {static_cast<double>(box.x0), static_cast<double>(box.x1)}) {
      for (double y : {static_cast<double>(box.y0), static_cast<double>(box.y1)}) {
        double ox = 0, oy = 0;
        s.apply(x, y, &ox, &oy);
        minx = std::min(minx, ox), maxx = std::max(maxx, ox);
        miny = std::min(miny, oy), maxy = std::max(maxy, oy);
      }
    }
  };
  add(layer.support_a.box(), layer.motion.from_a[j]);
  add(layer.support_b.box(), layer.motion.from_b[j]);
  PixelBox out;
  out.x0 = clamped_floor(minx - 1, 0, width);
  out.x1 = clamped_floor(maxx + 2, 0, width);
  out.y0 = clamped_floor(miny - 1, 0, height);
  out.y1 = clamped_floor(maxy + 2, 0, height);
  return out;
}

// One keyframe's reads of a row of positions (row_reads.h): the positions, whether each is inside
// the frame, and the plane's bilinear taps.
struct KeyframeRow {
  std::vector<double> x, y;
  std::vector<uint8_t> inside;
  RowTaps taps;

  explicit KeyframeRow(int n) : x(n), y(n), inside(n), taps(n) {}
  // The flags and taps of the first n positions (x and y set).
  void read(int n, const Frame& frame, const Plane& plane, const Divider& by_sx, const Divider& by_sy) {
    row_inside(x.data(), y.data(), n, frame.width(), frame.height(), inside.data());
    row_taps(x.data(), y.data(), n, by_sx, by_sy, plane.width, plane.height, &taps);
  }
};

// Step 1, the background of the frame at time t, one plane at a time. A moving camera's readings
// are prepared for a whole row at once (row_reads.h). Where a reading's position is a sample
// centre (the frame-fixed reading, and every reading of a still camera, at power-of-two plane
// scales) the maps and samples are read there directly, and the occupancy of a model without
// layers (all 0) is not looked up: the same values as the general reads, at a fraction of their
// cost.
class BackgroundFrame {
 public:
  BackgroundFrame(const ClipModel& model, const Frame& a, const Frame& b, double t)
      : model_(model),
        a_(a),
        b_(b),
        t_(t),
        camera_(model.camera.at_time(t)),
        occupied_(!model.layers.empty()) {}

  // Plane p's samples into `out`; with `within`, only those whose centre lies in a marked pixel.
  void compose(int p, const std::vector<uint8_t>* within, std::vector<double>* out) const {
    const Plane& pa = a_.planes[p];
    const double sx = static_cast<double>(a_.width()) / pa.width,
                 sy = static_cast<double>(a_.height()) / pa.height;
    // At power-of-two scales the sample centre (x + 0.5) * s maps back to x exactly.
    if (Divider(sx).power_of_two && Divider(sy).power_of_two) {
      compose_plane<true>(p, within, out);
    } else {
      compose_plane<false>(p, within, out);
    }
  }

 private:
  // Where neither keyframe shows the background, the temporal blend decides.
  static constexpr double kFloor = 1e-3;

  // compose() with the scales' kind known to the compiler.
  template <bool kCentresExact>
  void compose_plane(int p, const std::vector<uint8_t>* within, std::vector<double>* out) const {
    const int width = a_.width(), height = a_.height();
    const Plane& pa = a_.planes[p];
    const Plane& pb = b_.planes[p];
    const double sx = static_cast<double>(width) / pa.width, sy = static_cast<double>(height) / pa.height;
    const Divider by_sx(sx), by_sy(sy);
    // The luma column that holds each sample's centre.
    std::vector<int> luma_column(pa.width);
    for (int x = 0; x < pa.width; ++x) luma_column[x] = clamped_floor((x + 0.5) * sx, 0, width - 1);
    const bool camera_share = !model_.camera_share_a.empty();
    const bool agreement = !model_.agreement_a.empty();
    const double t = t_;
    out->resize(static_cast<size_t>(pa.width) * pa.height);
    KeyframeRow row_a(pa.width), row_b(pa.width);
    std::vector<int> pixel_a(pa.width), pixel_b(pa.width);  // of the maps
    for (int y = 0; y < pa.height; ++y) {
      const double py = (y + 0.5) * sy;
      const uint8_t* skip_row =
          within ? within->data() + static_cast<size_t>(clamped_floor(py, 0, height - 1)) * width : nullptr;
      double* out_row = out->data() + static_cast<size_t>(y) * pa.width;
      if (!camera_.still) {
        row_to_keyframes(model_.camera, camera_, sx, py, 0, pa.width, row_a.x.data(), row_a.y.data(),
                         row_b.x.data(), row_b.y.data());
        row_a.read(pa.width, a_, pa, by_sx, by_sy);
        row_b.read(pa.width, b_, pb, by_sx, by_sy);
        row_pixels(row_a.x.data(), row_a.y.data(), pa.width, model_.occupied_a, pixel_a.data());
        row_pixels(row_b.x.data(), row_b.y.data(), pa.width, model_.occupied_b, pixel_b.data());
      }
      for (int x = 0; x < pa.width; ++x) {
        const double px = (x + 0.5) * sx;
        if (skip_row && !skip_row[luma_column[x]]) continue;
        // The luma pixel that holds the sample's centre.
        const size_t centre = static_cast<size_t>(py) * width + static_cast<size_t>(px);
        // Where the keyframes agree, their average in every frame; elsewhere the cross-fade. A
        // still camera reads both keyframes at the sample itself.
        double agree = 0;
        if (agreement && camera_.still) {
          agree = kCentresExact
                      ? 0.5 * (model_.agreement_a.values[centre] + model_.agreement_b.values[centre])
                      : 0.5 * (model_.agreement_a.nearest(px, py) + model_.agreement_b.nearest(px, py));
        } else if (agreement) {
          agree = 0.5 * (model_.agreement_a.at_index(pixel_a[x]) + model_.agreement_b.at_index(pixel_b[x]));
        }
        const double ta = (1 - agree) * (1 - t) + 0.5 * agree, tb = 1 - ta;
        const auto weighted = [&](double free_a, double free_b, double sample_a, double sample_b) {
          const double wa = ta * (kFloor + free_a), wb = tb * (kFloor + free_b);
          return (wa * sample_a + wb * sample_b) / (wa + wb);
        };
        // Both keyframes read at the sample's own place (always inside).
        const auto frame_fixed = [&] {
          return kCentresExact
                     ? weighted(1 - occupied_at(model_.occupied_a, static_cast<int>(centre)),
                                1 - occupied_at(model_.occupied_b, static_cast<int>(centre)), pa.row(y)[x],
                                pb.row(y)[x])
                     : weighted(1 - occupied_at(model_.occupied_a, model_.occupied_a.nearest_index(px, py)),
                                1 - occupied_at(model_.occupied_b, model_.occupied_b.nearest_index(px, py)),
                                bilinear(pa, by_sx(px) - 0.5, by_sy(py) - 0.5),
                                bilinear(pb, by_sx(px) - 0.5, by_sy(py) - 0.5));
        };
        if (camera_.still) {
          out_row[x] = frame_fixed();
          continue;
        }
        const double free_a = row_a.inside[x] ? 1 - occupied_at(model_.occupied_a, pixel_a[x]) : 0;
        const double free_b = row_b.inside[x] ? 1 - occupied_at(model_.occupied_b, pixel_b[x]) : 0;
        double v =
            weighted(free_a, free_b, bilinear_read(pa, row_a.taps[x]), bilinear_read(pb, row_b.taps[x]));
        if (camera_share) {
          // The camera's reading where the keyframes follow the camera, the frame-fixed one elsewhere.
          const double w_camera = (1 - t) * model_.camera_share_a.at_index(pixel_a[x]) +
                                  t * model_.camera_share_b.at_index(pixel_b[x]);
          const double w_fixed = (1 - t) * (1 - model_.camera_share_a.values[centre]) +
                                 t * (1 - model_.camera_share_b.values[centre]);
          if (w_fixed > 1e-6) v = (w_camera * v + w_fixed * frame_fixed()) / (w_camera + w_fixed);
        }
        out_row[x] = v;
      }
    }
  }

  // The occupancy at values[i] (0 for i = -1), float as the maps hold: 1 - occupancy is computed
  // in float.
  float occupied_at(const FloatImage& image, int i) const { return occupied_ ? image.at_index(i) : 0; }

  const ClipModel& model_;
  const Frame& a_;
  const Frame& b_;
  const double t_;
  const CameraMotion::AtTime camera_;
  const bool occupied_;
};

}  // namespace

std::vector<uint8_t> layers_mask(const ClipModel& model, int j) {
  const int width = model.occupied_a.width, height = model.occupied_a.height;
  std::vector<uint8_t> mask(static_cast<size_t>(width) * height, 0);
  const double t = static_cast<double>(j) / model.last;
  const CameraMotion back = model.camera.inverse();
  const auto add = [&](const PixelBox& box, int grow) {
    if (box.empty()) return;
    const int x0 = std::clamp(box.x0 - grow, 0, width), x1 = std::clamp(box.x1 + grow, 0, width);
    const int y0 = std::clamp(box.y0 - grow, 0, height), y1 = std::clamp(box.y1 + grow, 0, height);
    for (int y = y0; y < y1; ++y)
      std::fill_n(mask.begin() + static_cast<ptrdiff_t>(y) * width + x0, x1 - x0, 1);
  };
  // Where frame j sees a keyframe box: its corners moved along the camera by the share s of the
  // way to the other keyframe (an affine map: the corners bound it).
  const auto moved = [&](const PixelBox& box, const CameraMotion& to_other, double share) {
    if (box.empty()) return box;
    double minx = width, miny = height, maxx = 0, maxy = 0;
    for (double x : {static_cast<double>(box.x0), static_cast<double>(box.x1)}) {
      for (double y : {static_cast<double>(box.y0), static_cast<double>(box.y1)}) {
        double ox = x, oy = y;
        to_other.apply(x, y, &ox, &oy);
        const double fx = x + share * (ox - x), fy = y + share * (oy - y);
        minx = std::min(minx, fx), maxx = std::max(maxx, fx);
        miny = std::min(miny, fy), maxy = std::max(maxy, fy);
      }
    }
    return PixelBox{clamped_floor(minx, -1, width), clamped_floor(miny, -1, height),
                    clamped_floor(maxx + 1, 0, width + 1), clamped_floor(maxy + 1, 0, height + 1)};
  };
  // Each layer's supports, grown as they hide the background (the occupancy), change the
  // background where frame j reads them: along the camera, and at the same place where the
  // frame-fixed reading is used (camera_share); and the layer itself.
  const int grow = model.occupied_margin + 2;
  for (const InstanceLayer& layer : model.layers) {
    add(moved(layer.support_a.box(), model.camera, t), grow);
    add(moved(layer.support_b.box(), back, 1 - t), grow);
    if (!model.camera_share_a.empty()) {
      add(layer.support_a.box(), grow);
      add(layer.support_b.box(), grow);
    }
    add(frame_box(layer, j, width, height), 2);
  }
  return mask;
}

Frame compose_clip_frame(const ClipModel& model, const Frame& a, const Frame& b, int j, bool luma_only,
                         const std::vector<uint8_t>* within) {
  const int width = a.width(), height = a.height();
  if (j < 0 || j > model.last || model.last <= 0) {
    throw InputError("warp compose", "a clip frame in 0.." + std::to_string(model.last), std::to_string(j));
  }
  if (b.width() != width || b.height() != height || model.occupied_a.width != width ||
      model.occupied_a.height != height || model.occupied_b.width != width ||
      model.occupied_b.height != height) {
    throw InputError("warp compose", "keyframes of the clip model's size", "frames of another size");
  }
  const double t = static_cast<double>(j) / model.last;
  std::vector<double> planes[3];
  const int plane_count = luma_only ? 1 : 3;
  const BackgroundFrame background(model, a, b, t);
  for (int p = 0; p < plane_count; ++p) background.compose(p, within, &planes[p]);
  for (const InstanceLayer& layer : model.layers) {
    const PixelBox box = frame_box(layer, j, width, height);
    if (box.empty()) continue;
    const SimilarityMotion to_a = layer.motion.from_a[j].inverse(), to_b = layer.motion.from_b[j].inverse();
    const double trust_a = layer.motion.confidence_a[j], trust_b = layer.motion.confidence_b[j];
    for (int p = 0; p < plane_count; ++p) {
      const Plane& pa = a.planes[p];
      const Plane& pb = b.planes[p];
      const double sx = static_cast<double>(width) / pa.width, sy = static_cast<double>(height) / pa.height;
      const Divider by_sx(sx), by_sy(sy), luma(1);
      const int cx0 = static_cast<int>(box.x0 / sx),
                cx1 = std::min(pa.width, static_cast<int>(std::ceil(box.x1 / sx)));
      const int cy0 = static_cast<int>(box.y0 / sy),
                cy1 = std::min(pa.height, static_cast<int>(std::ceil(box.y1 / sy)));
      const int n = cx1 - cx0;
      if (n <= 0) continue;
      KeyframeRow row_a(n), row_b(n);
      std::vector<uint8_t> near_a(n), near_b(n);  // of the supports, and their taps
      RowTaps support_a(n), support_b(n);
      for (int y = cy0; y < cy1; ++y) {
        const double py = (y + 0.5) * sy;
        row_moved(to_a, sx, py, cx0, n, row_a.x.data(), row_a.y.data());
        row_moved(to_b, sx, py, cx0, n, row_b.x.data(), row_b.y.data());
        row_a.read(n, a, pa, by_sx, by_sy);
        row_b.read(n, b, pb, by_sx, by_sy);
        row_near(row_a.x.data(), row_a.y.data(), n, layer.support_a, near_a.data());
        row_near(row_b.x.data(), row_b.y.data(), n, layer.support_b, near_b.data());
        row_taps(row_a.x.data(), row_a.y.data(), n, luma, luma, width, height, &support_a);
        row_taps(row_b.x.data(), row_b.y.data(), n, luma, luma, width, height, &support_b);
        double* out_row = planes[p].data() + static_cast<size_t>(y) * pa.width + cx0;
        for (int i = 0; i < n; ++i) {
          const bool in_a = row_a.inside[i], in_b = row_b.inside[i];
          if (!in_a && !in_b) continue;
          // The supports' sample() (0 where not near).
          const double sa = in_a ? trust_a * (near_a[i] ? layer.support_a.read(support_a[i]) : 0.0) : 0;
          const double sb = in_b ? trust_b * (near_b[i] ? layer.support_b.read(support_b[i]) : 0.0) : 0;
          // A keyframe that cannot see the place does not vote: the other decides alone.
          const double ka = in_a ? (in_b ? 1 - t : 1.0) : 0.0, kb = in_b ? (in_a ? t : 1.0) : 0.0;
          const double wa = ka * sa, wb = kb * sb, alpha = wa + wb;
          if (alpha <= 1e-6) continue;
          const double colour =
              (wa * bilinear_read(pa, row_a.taps[i]) + wb * bilinear_read(pb, row_b.taps[i])) / alpha;
          double& o = out_row[i];
          o = alpha * colour + (1 - alpha) * o;
        }
      }
    }
  }
  Frame frame = a;
  const double max_value = a.max_value();
  for (int p = 0; p < plane_count; ++p) {
    std::vector<uint16_t>& s = frame.planes[p].samples;
    round_scaled_samples(planes[p].data(), s.size(), 0, 1, max_value, s.data());  // 0 + 1 * v is v
  }
  return frame;
}

}  // namespace tgvc
