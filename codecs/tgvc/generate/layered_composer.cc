#include "codecs/tgvc/generate/layered_composer.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "codecs/tgvc/generate/plane_sampling.h"
#include "harness/core/error.h"
#include "harness/core/sample_rounding.h"

namespace tgvc {
namespace {

bool inside(const Frame& f, double x, double y) {
  return x >= 0 && y >= 0 && x <= f.width() && y <= f.height();
}

// x / s, as a multiplication where s is a power of two (luma's 1, 4:2:0 chroma's 2 at even sizes):
// the same value, without a division per sample.
struct Divider {
  double s = 1, inverse = 1;
  bool power_of_two = true;
  explicit Divider(double scale) : s(scale), inverse(1 / scale) {
    int exponent = 0;
    power_of_two = std::frexp(scale, &exponent) == 0.5;
  }
  double operator()(double x) const { return power_of_two ? x * inverse : x / s; }
};

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
  add(layer.box_a, layer.motion.from_a[j]);
  add(layer.box_b, layer.motion.from_b[j]);
  PixelBox out;
  out.x0 = clamped_floor(minx - 1, 0, width);
  out.x1 = clamped_floor(maxx + 2, 0, width);
  out.y0 = clamped_floor(miny - 1, 0, height);
  out.y1 = clamped_floor(maxy + 2, 0, height);
  return out;
}

// Step 1, the background of the frame at time t, one plane at a time. Where a reading's position
// is a sample centre (the frame-fixed reading, and every reading of a still camera, at
// power-of-two plane scales) the maps and samples are read there directly, and an empty occupancy
// is not looked up: the same values as the general reads, at a fraction of their cost.
class BackgroundFrame {
 public:
  BackgroundFrame(const ClipModel& model, const Frame& a, const Frame& b, double t)
      : model_(model),
        a_(a),
        b_(b),
        t_(t),
        camera_(model.camera.at_time(t)),
        occupied_(any_nonzero(model.occupied_a) || any_nonzero(model.occupied_b)) {}

  // Plane p's samples into `out`; with `within`, only those whose centre lies in a marked pixel.
  void compose(int p, const std::vector<uint8_t>* within, std::vector<double>* out) const {
    const int width = a_.width(), height = a_.height();
    const Plane& pa = a_.planes[p];
    const Plane& pb = b_.planes[p];
    const double sx = static_cast<double>(width) / pa.width, sy = static_cast<double>(height) / pa.height;
    const Divider by_sx(sx), by_sy(sy);
    // At power-of-two scales the sample centre (x + 0.5) * s maps back to x exactly.
    const bool centres_exact = by_sx.power_of_two && by_sy.power_of_two;
    const bool camera_share = !model_.camera_share_a.empty();
    const bool agreement = !model_.agreement_a.empty();
    const double t = t_;
    out->resize(static_cast<size_t>(pa.width) * pa.height);
    for (int y = 0; y < pa.height; ++y) {
      const double py = (y + 0.5) * sy;
      const uint8_t* skip_row =
          within ? within->data() + static_cast<size_t>(clamped_floor(py, 0, height - 1)) * width : nullptr;
      double* out_row = out->data() + static_cast<size_t>(y) * pa.width;
      for (int x = 0; x < pa.width; ++x) {
        const double px = (x + 0.5) * sx;
        if (skip_row && !skip_row[clamped_floor(px, 0, width - 1)]) continue;
        // The luma pixel that holds the sample's centre.
        const size_t centre = static_cast<size_t>(py) * width + static_cast<size_t>(px);
        double ax = px, ay = py, bx = px, by = py;
        model_.camera.to_keyframes(camera_, px, py, &ax, &ay, &bx, &by);
        // A still camera reads both keyframes at the sample itself.
        const bool at_centre = camera_.still && centres_exact;
        // Where the keyframes agree, their average in every frame; elsewhere the cross-fade.
        const double agree =
            !agreement  ? 0
            : at_centre ? 0.5 * (model_.agreement_a.values[centre] + model_.agreement_b.values[centre])
                        : 0.5 * (model_.agreement_a.nearest(ax, ay) + model_.agreement_b.nearest(bx, by));
        const double ta = (1 - agree) * (1 - t) + 0.5 * agree, tb = 1 - ta;
        const auto weighted = [&](double free_a, double free_b, double sample_a, double sample_b) {
          const double wa = ta * (kFloor + free_a), wb = tb * (kFloor + free_b);
          return (wa * sample_a + wb * sample_b) / (wa + wb);
        };
        // Both keyframes read at the sample's own place (always inside).
        const auto frame_fixed = [&] {
          return centres_exact
                     ? weighted(1 - occupied_at(model_.occupied_a, centre),
                                1 - occupied_at(model_.occupied_b, centre), pa.row(y)[x], pb.row(y)[x])
                     : weighted(1 - occupied(model_.occupied_a, px, py),
                                1 - occupied(model_.occupied_b, px, py),
                                bilinear(pa, by_sx(px) - 0.5, by_sy(py) - 0.5),
                                bilinear(pb, by_sx(px) - 0.5, by_sy(py) - 0.5));
        };
        if (camera_.still) {
          out_row[x] = frame_fixed();
          continue;
        }
        const double free_a = inside(a_, ax, ay) ? 1 - occupied(model_.occupied_a, ax, ay) : 0;
        const double free_b = inside(b_, bx, by) ? 1 - occupied(model_.occupied_b, bx, by) : 0;
        double v = weighted(free_a, free_b, bilinear(pa, by_sx(ax) - 0.5, by_sy(ay) - 0.5),
                            bilinear(pb, by_sx(bx) - 0.5, by_sy(by) - 0.5));
        if (camera_share) {
          // The camera's reading where the keyframes follow the camera, the frame-fixed one elsewhere.
          const double w_camera =
              (1 - t) * model_.camera_share_a.nearest(ax, ay) + t * model_.camera_share_b.nearest(bx, by);
          const double w_fixed = (1 - t) * (1 - model_.camera_share_a.values[centre]) +
                                 t * (1 - model_.camera_share_b.values[centre]);
          if (w_fixed > 1e-6) v = (w_camera * v + w_fixed * frame_fixed()) / (w_camera + w_fixed);
        }
        out_row[x] = v;
      }
    }
  }

 private:
  // Where neither keyframe shows the background, the temporal blend decides.
  static constexpr double kFloor = 1e-3;

  static bool any_nonzero(const FloatImage& image) {
    return std::any_of(image.values.begin(), image.values.end(), [](float v) { return v != 0; });
  }
  // float, as the maps hold: 1 - occupancy is computed in float.
  float occupied(const FloatImage& image, double x, double y) const {
    return occupied_ ? image.nearest(x, y) : 0;
  }
  float occupied_at(const FloatImage& image, size_t i) const { return occupied_ ? image.values[i] : 0; }

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
    add(moved(layer.box_a, model.camera, t), grow);
    add(moved(layer.box_b, back, 1 - t), grow);
    if (!model.camera_share_a.empty()) {
      add(layer.box_a, grow);
      add(layer.box_b, grow);
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
      const Divider by_sx(sx), by_sy(sy);
      const int cx0 = static_cast<int>(box.x0 / sx),
                cx1 = std::min(pa.width, static_cast<int>(std::ceil(box.x1 / sx)));
      const int cy0 = static_cast<int>(box.y0 / sy),
                cy1 = std::min(pa.height, static_cast<int>(std::ceil(box.y1 / sy)));
      for (int y = cy0; y < cy1; ++y) {
        const double py = (y + 0.5) * sy;
        for (int x = cx0; x < cx1; ++x) {
          const double px = (x + 0.5) * sx;
          double ax = 0, ay = 0, bx = 0, by = 0;
          to_a.apply(px, py, &ax, &ay);
          to_b.apply(px, py, &bx, &by);
          const bool in_a = inside(a, ax, ay), in_b = inside(b, bx, by);
          if (!in_a && !in_b) continue;
          const double sa = in_a ? trust_a * layer.support_a.sample(ax, ay) : 0;
          const double sb = in_b ? trust_b * layer.support_b.sample(bx, by) : 0;
          // A keyframe that cannot see the place does not vote: the other decides alone.
          const double ka = in_a ? (in_b ? 1 - t : 1.0) : 0.0, kb = in_b ? (in_a ? t : 1.0) : 0.0;
          const double wa = ka * sa, wb = kb * sb, alpha = wa + wb;
          if (alpha <= 1e-6) continue;
          const double colour = (wa * bilinear(pa, by_sx(ax) - 0.5, by_sy(ay) - 0.5) +
                                 wb * bilinear(pb, by_sx(bx) - 0.5, by_sy(by) - 0.5)) /
                                alpha;
          double& o = planes[p][static_cast<size_t>(y) * pa.width + x];
          o = alpha * colour + (1 - alpha) * o;
        }
      }
    }
  }
  Frame frame = a;
  const double max_value = a.max_value();
  for (int p = 0; p < plane_count; ++p) {
    std::vector<uint16_t>& s = frame.planes[p].samples;
    for (size_t i = 0; i < s.size(); ++i) {
      s[i] = rounded_sample(planes[p][i], max_value);
    }
  }
  return frame;
}

}  // namespace tgvc
