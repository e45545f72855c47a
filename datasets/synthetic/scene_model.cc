#include "datasets/synthetic/scene_model.h"

#include <algorithm>
#include <cmath>

namespace tgvc {
namespace {

constexpr double kTwoPi = 6.283185307179586;

double signed_uniform(Lcg& rng, double lo, double hi) {
  const double magnitude = rng.uniform(lo, hi);
  return rng.next() & 1 ? magnitude : -magnitude;
}
Point2 unit_vector(double angle) {
  return {std::cos(angle), std::sin(angle)};
}

// MurmurHash3's finaliser: neighbouring seeds would otherwise start the LCG on nearly equal
// first draws (the first output differs by only multiplier / 2^16 steps).
uint32_t scramble(uint32_t seed) {
  seed ^= seed >> 16;
  seed *= 0x85ebca6bu;
  seed ^= seed >> 13;
  seed *= 0xc2b2ae35u;
  seed ^= seed >> 16;
  return seed;
}

int power_of_two_at_least(double v, int lo, int hi) {
  int p = lo;
  while (p < hi && p < v) p *= 2;
  return p;
}

Shape draw_shape(Lcg& rng, double unit) {
  Shape shape;
  const double r = unit * rng.uniform(0.07, 0.15);
  shape.kind = static_cast<ShapeKind>(rng.next() % 3);
  shape.half_width = r;
  shape.half_height = r;
  if (shape.kind == ShapeKind::kEllipse) shape.half_height = r * rng.uniform(0.55, 0.9);
  if (shape.kind == ShapeKind::kRoundedRect) {
    shape.half_height = r * rng.uniform(0.5, 1.0);
    shape.corner = shape.half_height * rng.uniform(0.2, 0.6);
  }
  return shape;
}

CameraPath draw_camera(Lcg& rng, SceneKind kind, double unit, int texture_size) {
  CameraPath c{};
  c.start = {rng.uniform(0, texture_size), rng.uniform(0, texture_size)};
  if (kind == SceneKind::kStatic) return c;
  const bool orbit = kind == SceneKind::kOrbit;
  const double pan = orbit ? rng.uniform(0.03, 0.07) : rng.uniform(0.0, 0.02);
  const Point2 heading = unit_vector(kTwoPi * rng.uniform());
  c.velocity = {unit * pan * heading.x, unit * pan * heading.y};
  const double sway = unit * (orbit ? 0.02 : 0.01);
  c.sway = {sway * rng.uniform(), sway * rng.uniform()};
  c.sway_rate = {rng.uniform(0.3, 0.8), rng.uniform(0.3, 0.8)};
  c.sway_phase = {kTwoPi * rng.uniform(), kTwoPi * rng.uniform()};
  if (orbit) {
    c.zoom_amplitude = rng.uniform(0.02, 0.04);
    c.zoom_rate = rng.uniform(0.3, 0.7);
    c.zoom_phase = kTwoPi * rng.uniform();
    c.roll_amplitude = rng.uniform(0.01, 0.03);
  } else {
    // A slow zoom that starts at 1 and keeps one direction for several seconds.
    c.zoom_amplitude = signed_uniform(rng, 0.06, 0.1);
    c.zoom_rate = rng.uniform(0.25, 0.35);
    c.zoom_phase = 0;
    c.roll_amplitude = rng.uniform(0.003, 0.01);
  }
  c.roll_rate = rng.uniform(0.2, 0.5);
  c.roll_phase = kTwoPi * rng.uniform();
  return c;
}

ObjectPath draw_path(Lcg& rng, SceneKind kind, int width, int height) {
  const double unit = std::min(width, height);
  ObjectPath p;
  p.angle = kTwoPi * rng.uniform();
  p.scale = rng.uniform(0.85, 1.15);
  p.breathe_phase = kTwoPi * rng.uniform();
  p.angular_phase = kTwoPi * rng.uniform();
  if (kind == SceneKind::kCrossing) {
    p.orbits = false;
    p.centre = {width * rng.uniform(0.2, 0.8), height * rng.uniform(0.2, 0.8)};
    p.direction = unit_vector(kTwoPi * rng.uniform());
    p.speed = unit * rng.uniform(0.15, 0.35);
    p.mid_time = rng.uniform(0.2, 3.0);
    p.wobble = unit * rng.uniform(0.01, 0.05);
    p.wobble_rate = rng.uniform(0.5, 1.5);
    p.wobble_phase = kTwoPi * rng.uniform();
    p.spin = signed_uniform(rng, 0.05, 0.4);
    p.breathe = rng.uniform(0.01, 0.04);
    p.breathe_rate = rng.uniform(0.4, 1.0);
    return p;
  }
  // Orbits around the frame centre; the wider ones carry objects out of the frame and back.
  p.centre = {0.5 * width, 0.5 * height};
  p.radius_x = width * rng.uniform(0.1, 0.6);
  p.radius_y = height * rng.uniform(0.1, 0.5);
  p.tilt = rng.uniform(-0.3, 0.3);
  const double angular_rate = signed_uniform(rng, 0.25, 0.7);
  const double spin = signed_uniform(rng, 0.1, 0.6);
  const double breathe = rng.uniform(0.03, 0.1);
  const double breathe_rate = rng.uniform(0.4, 1.2);
  if (kind == SceneKind::kOrbit) {
    p.angular_rate = angular_rate;
    p.spin = spin;
    p.breathe = breathe;
    p.breathe_rate = breathe_rate;
  }
  return p;
}

}  // namespace

Similarity SceneModel::camera_at(double t) const {
  const CameraPath& c = camera;
  const double cx = c.start.x + c.velocity.x * t + c.sway.x * std::sin(c.sway_rate.x * t + c.sway_phase.x);
  const double cy = c.start.y + c.velocity.y * t + c.sway.y * std::sin(c.sway_rate.y * t + c.sway_phase.y);
  const double zoom = std::exp(c.zoom_amplitude * std::sin(c.zoom_rate * t + c.zoom_phase));
  const double roll = c.roll_amplitude * std::sin(c.roll_rate * t + c.roll_phase);
  // screen = frame centre + zoom * R(roll) * (world - camera centre)
  Similarity s = Similarity::make(zoom, roll, 0, 0);
  const Point2 rotated = s.apply({cx, cy});
  s.tx = 0.5 * width - rotated.x;
  s.ty = 0.5 * height - rotated.y;
  return s;
}

Similarity SceneModel::object_at(int i, double t) const {
  const ObjectPath& p = objects[i].path;
  Point2 at;
  if (p.orbits) {
    const double phi = p.angular_rate * t + p.angular_phase;
    const double ex = p.radius_x * std::cos(phi), ey = p.radius_y * std::sin(phi);
    const double ct = std::cos(p.tilt), st = std::sin(p.tilt);
    at = {p.centre.x + ct * ex - st * ey, p.centre.y + st * ex + ct * ey};
  } else {
    const double along = p.speed * (t - p.mid_time);
    const double side = p.wobble * std::sin(p.wobble_rate * t + p.wobble_phase);
    at = {p.centre.x + p.direction.x * along - p.direction.y * side,
          p.centre.y + p.direction.y * along + p.direction.x * side};
  }
  const double scale = p.scale * std::exp(p.breathe * std::sin(p.breathe_rate * t + p.breathe_phase));
  return Similarity::make(scale, p.angle + p.spin * t, at.x, at.y);
}

Similarity SceneModel::layer_at(int layer, double t) const {
  return layer < 0 ? camera_at(t) : object_at(layer, t);
}

int SceneModel::topmost_layer(Point2 p, double t) const {
  for (int i = static_cast<int>(objects.size()) - 1; i >= 0; --i) {
    const Point2 local = object_at(i, t).inverse().apply(p);
    if (objects[i].shape.signed_distance(local.x, local.y) < 0) return i;
  }
  return -1;
}

SceneModel draw_scene(SceneKind kind, uint32_t seed, int width, int height) {
  Lcg rng(scramble(seed));
  SceneModel model;
  model.kind = kind;
  model.width = width;
  model.height = height;
  const double unit = std::min(width, height);
  // Two frame widths of texture before it repeats (capped to bound memory for huge frames).
  const int background_size = power_of_two_at_least(2.0 * std::max(width, height), 256, 2048);
  model.background = background_texture(rng, background_size);
  const int count = 3 + static_cast<int>(rng.next() % 4);
  for (int i = 0; i < count; ++i) {
    const Shape shape = draw_shape(rng, unit);
    const int texture_size = power_of_two_at_least(2.5 * shape.bounding_radius(), 32, 1024);
    model.objects.push_back({shape, object_texture(rng, texture_size), ObjectPath{}});
  }
  model.camera = draw_camera(rng, kind, unit, background_size);
  for (SceneObject& object : model.objects) object.path = draw_path(rng, kind, width, height);
  return model;
}

}  // namespace tgvc
