#include "codecs/tgvc/generate/clip_model.h"

#include <algorithm>
#include <string>

#include "harness/core/error.h"

namespace tgvc {
namespace {

// Positions in keyframe `frame` of the instance's tracks visible there.
std::vector<std::pair<double, double>> visible_points(const std::vector<TrackPath>& paths,
                                                      const MotionInstance& m, size_t frame) {
  std::vector<std::pair<double, double>> points;
  for (int i : m.tracks) {
    if (paths[i].visible[frame]) points.emplace_back(paths[i].x[frame], paths[i].y[frame]);
  }
  return points;
}

// into = max(into, mask grown by `grow` pixels (a square maximum filter)) around the mask's box.
void take_max(FloatImage& into, const SupportMask& mask, int grow) {
  const PixelBox& box = mask.box();
  const int x0 = std::max(0, box.x0 - grow), x1 = std::min(mask.width(), box.x1 + grow);
  const int y0 = std::max(0, box.y0 - grow), y1 = std::min(mask.height(), box.y1 + grow);
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      float v = 0;
      for (int dy = std::max(box.y0, y - grow); dy < std::min(box.y1, y + grow + 1); ++dy) {
        for (int dx = std::max(box.x0, x - grow); dx < std::min(box.x1, x + grow + 1); ++dx)
          v = std::max(v, mask.at(dx, dy));
      }
      into.at(x, y) = std::max(into.at(x, y), v);
    }
  }
}

// A region that moves by (dx, dy) from A to B at constant speed: frame j is A moved by t (dx, dy)
// and B moved back by (1 - t) (dx, dy), t = j / last; seen in both keyframes.
MotionInstance straight_line_motion(int dx, int dy, int last) {
  MotionInstance m;
  for (int j = 0; j <= last; ++j) {
    const double t = static_cast<double>(j) / last;
    m.from_a.push_back({1, 0, t * dx, t * dy});
    m.from_b.push_back({1, 0, (t - 1) * dx, (t - 1) * dy});
  }
  m.confidence_a.assign(static_cast<size_t>(last) + 1, 1.0);
  m.confidence_b.assign(static_cast<size_t>(last) + 1, 1.0);
  return m;
}

// Adds the instance with its points in A and in B as a layer (front), unless its support is
// empty in both keyframes.
void add_layer(ClipModel* model, const Frame& a, const Frame& b, MotionInstance m,
               const std::vector<std::pair<double, double>>& points_a,
               const std::vector<std::pair<double, double>>& points_b, const ClipModelOptions& options) {
  InstanceLayer layer;
  layer.support_a = instance_support(a, b, model->camera, m.from_a[model->last], points_a, options.support);
  layer.support_b = instance_support(b, a, model->camera.inverse(), m.from_b[0], points_b, options.support);
  if (layer.support_a.box().empty() && layer.support_b.box().empty()) return;  // in neither keyframe
  take_max(model->occupied_a, layer.support_a, options.occupied_margin);
  take_max(model->occupied_b, layer.support_b, options.occupied_margin);
  layer.motion = std::move(m);
  model->layers.push_back(std::move(layer));
}

}  // namespace

size_t add_keyframe_motion_layers(ClipModel* model, const Frame& a, const Frame& b,
                                  const ClipModelOptions& options) {
  const size_t before = model->layers.size();
  for (const MovedRegion& r : find_moved_regions(a, b, model->camera, options.keyframe_motion))
    add_layer(model, a, b, straight_line_motion(r.dx, r.dy, model->last), r.points_a, r.points_b, options);
  return model->layers.size() - before;
}

ClipModel build_clip_model(const Frame& a, const Frame& b, const std::vector<TrackPath>& paths, int last,
                           const ClipModelOptions& options) {
  if (last < 1 || a.width() != b.width() || a.height() != b.height() || a.width() <= 0 || a.height() <= 0) {
    throw InputError("warp clip model", "two keyframes of one size and a clip of at least 2 frames",
                     std::to_string(last + 1) + " frames");
  }
  for (const TrackPath& t : paths) {
    if (t.x.size() != static_cast<size_t>(last) + 1) {
      throw InputError("warp clip model track", std::to_string(last + 1) + " positions",
                       std::to_string(t.x.size()));
    }
  }
  ClipModel model;
  model.last = last;
  model.occupied_margin = options.occupied_margin;
  if (options.camera_motion) model.camera = estimate_camera_motion(a, b, options.camera);
  const CameraMotion back = model.camera.inverse();
  model.camera_share_a = camera_share(a, b, model.camera, options.background);
  model.camera_share_b = camera_share(b, a, back, options.background);
  if (options.steady_background && model.camera.identity) {
    model.agreement_a = keyframe_agreement(a, b, model.camera, options.background);
    model.agreement_b = keyframe_agreement(b, a, back, options.background);
  }
  model.occupied_a = FloatImage(a.width(), a.height(), 0);
  model.occupied_b = FloatImage(b.width(), b.height(), 0);
  std::vector<MotionInstance> instances =
      group_motion_instances(paths, a.width(), a.height(), options.instances);
  // Back to front: the instance hidden most often first; ties keep the grouping order.
  std::stable_sort(instances.begin(), instances.end(), [](const MotionInstance& p, const MotionInstance& q) {
    return p.hidden_share > q.hidden_share;
  });
  for (MotionInstance& m : instances) {
    const auto points_a = visible_points(paths, m, 0), points_b = visible_points(paths, m, last);
    add_layer(&model, a, b, std::move(m), points_a, points_b, options);
  }
  if (paths.empty() && options.untracked_motion) add_keyframe_motion_layers(&model, a, b, options);
  return model;
}

}  // namespace tgvc
