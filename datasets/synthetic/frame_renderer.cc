#include "datasets/synthetic/frame_renderer.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace tgvc {
namespace {

// One object as placed in this frame: the screen -> local mapping and a screen bounding circle.
struct PlacedObject {
  const SceneObject* object;
  Similarity to_local;
  double scale;
  double centre_x, centre_y, radius;
  double inv_radius2;  // for the shading term, in local units
};

// A gentle darkening towards the rim that turns with the object (it lives in local coordinates).
double shading(const PlacedObject& o, Point2 local) {
  return 1 - 0.22 * (local.x * local.x + local.y * local.y) * o.inv_radius2;
}

uint16_t to_code(double v) {
  return static_cast<uint16_t>(std::lround(std::clamp(v, 0.0, 1.0) * 255));
}

}  // namespace

Frame render_rgb(const SceneModel& scene, double t) {
  const int width = scene.width, height = scene.height;
  Frame frame = Frame::allocate(width, height, {ChromaFormat::k444, 8, ColourFamily::kRgb});
  const Similarity to_world = scene.camera_at(t).inverse();

  std::vector<PlacedObject> placed;
  for (int i = 0; i < static_cast<int>(scene.objects.size()); ++i) {
    const Similarity to_screen = scene.object_at(i, t);
    const double bound = scene.objects[i].shape.bounding_radius();
    placed.push_back({&scene.objects[i], to_screen.inverse(), to_screen.scale(), to_screen.tx, to_screen.ty,
                      bound * to_screen.scale() + 1, 1 / (bound * bound)});
  }

  struct Span {
    const PlacedObject* object;
    int x0, x1;  // pixel columns [x0, x1) the object may touch on this row
  };
  std::vector<Span> spans;
  for (int y = 0; y < height; ++y) {
    const double py = y + 0.5;
    spans.clear();
    for (const PlacedObject& o : placed) {
      const double dy = py - o.centre_y;
      if (std::abs(dy) >= o.radius) continue;
      const double half = std::sqrt(o.radius * o.radius - dy * dy);
      const double lo = std::clamp(std::floor(o.centre_x - half), 0.0, static_cast<double>(width));
      const double hi = std::clamp(std::ceil(o.centre_x + half), 0.0, static_cast<double>(width));
      if (hi > lo) spans.push_back({&o, static_cast<int>(lo), static_cast<int>(hi)});
    }
    uint16_t* r = frame.planes[0].row(y);
    uint16_t* g = frame.planes[1].row(y);
    uint16_t* b = frame.planes[2].row(y);
    for (int x = 0; x < width; ++x) {
      const Point2 pixel{x + 0.5, py};
      const Point2 world = to_world.apply(pixel);
      Rgb c = scene.background.sample(world.x, world.y);
      for (const Span& s : spans) {
        if (x < s.x0 || x >= s.x1) continue;
        const PlacedObject& o = *s.object;
        const Point2 local = o.to_local.apply(pixel);
        const double distance = o.object->shape.signed_distance(local.x, local.y) * o.scale;
        const double coverage = std::clamp(0.5 - distance, 0.0, 1.0);
        if (coverage <= 0) continue;
        const Point2 uv = object_texture_coordinates(*o.object, local);
        const Rgb surface = o.object->texture.sample(uv.x, uv.y);
        const double k = shading(o, local);
        c.r += coverage * (surface.r * k - c.r);
        c.g += coverage * (surface.g * k - c.g);
        c.b += coverage * (surface.b * k - c.b);
      }
      r[x] = to_code(c.r);
      g[x] = to_code(c.g);
      b[x] = to_code(c.b);
    }
  }
  return frame;
}

}  // namespace tgvc
