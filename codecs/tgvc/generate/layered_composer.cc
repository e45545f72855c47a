#include "codecs/tgvc/generate/layered_composer.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "codecs/tgvc/generate/plane_sampling.h"
#include "harness/core/error.h"

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
  const CameraMotion::AtTime camera_t = model.camera.at_time(t);
  const double max_value = a.max_value();
  // Where neither keyframe shows the background, the temporal blend decides.
  constexpr double kFloor = 1e-3;
  std::vector<double> planes[3];
  const int plane_count = luma_only ? 1 : 3;
  for (int p = 0; p < plane_count; ++p) {
    const Plane& pa = a.planes[p];
    const Plane& pb = b.planes[p];
    const double sx = static_cast<double>(width) / pa.width, sy = static_cast<double>(height) / pa.height;
    const Divider by_sx(sx), by_sy(sy);
    std::vector<double>& out = planes[p];
    out.resize(static_cast<size_t>(pa.width) * pa.height);
    for (int y = 0; y < pa.height; ++y) {
      const double py = (y + 0.5) * sy;
      const uint8_t* skip_row =
          within ? within->data() + static_cast<size_t>(clamped_floor(py, 0, height - 1)) * width : nullptr;
      for (int x = 0; x < pa.width; ++x) {
        const double px = (x + 0.5) * sx;
        if (skip_row && !skip_row[clamped_floor(px, 0, width - 1)]) continue;
        double ax = px, ay = py, bx = px, by = py;
        model.camera.to_keyframes(camera_t, px, py, &ax, &ay, &bx, &by);
        // Where the keyframes agree, their average in every frame; elsewhere the cross-fade.
        const double agree =
            model.agreement_a.empty()
                ? 0
                : 0.5 * (model.agreement_a.nearest(ax, ay) + model.agreement_b.nearest(bx, by));
        const double ta = (1 - agree) * (1 - t) + 0.5 * agree, tb = 1 - ta;
        const auto reading = [&](double ra, double rb, double rc, double rd) {
          const double free_a = inside(a, ra, rb) ? 1 - model.occupied_a.nearest(ra, rb) : 0;
          const double free_b = inside(b, rc, rd) ? 1 - model.occupied_b.nearest(rc, rd) : 0;
          const double wa = ta * (kFloor + free_a), wb = tb * (kFloor + free_b);
          return (wa * bilinear(pa, by_sx(ra) - 0.5, by_sy(rb) - 0.5) +
                  wb * bilinear(pb, by_sx(rc) - 0.5, by_sy(rd) - 0.5)) /
                 (wa + wb);
        };
        double v = reading(ax, ay, bx, by);
        if (!model.camera_share_a.empty()) {
          // The camera's reading where the keyframes follow the camera, the frame-fixed one elsewhere.
          const double w_camera =
              (1 - t) * model.camera_share_a.nearest(ax, ay) + t * model.camera_share_b.nearest(bx, by);
          const double w_fixed = (1 - t) * (1 - model.camera_share_a.nearest(px, py)) +
                                 t * (1 - model.camera_share_b.nearest(px, py));
          if (w_fixed > 1e-6) v = (w_camera * v + w_fixed * reading(px, py, px, py)) / (w_camera + w_fixed);
        }
        out[static_cast<size_t>(y) * pa.width + x] = v;
      }
    }
  }
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
  for (int p = 0; p < plane_count; ++p) {
    std::vector<uint16_t>& s = frame.planes[p].samples;
    for (size_t i = 0; i < s.size(); ++i) {
      s[i] = static_cast<uint16_t>(std::clamp(std::lround(planes[p][i]), 0L, static_cast<long>(max_value)));
    }
  }
  return frame;
}

}  // namespace tgvc
