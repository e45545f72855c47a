// The drawn content of one synthetic sequence: textures, shapes and the smooth paths that place
// every layer on screen at any time. Pure data plus closed-form poses, so that any frame can be
// rendered or tracked without the frames before it.
#pragma once

#include <cstdint>
#include <vector>

#include "datasets/synthetic/shape.h"
#include "datasets/synthetic/similarity.h"
#include "datasets/synthetic/texture.h"

namespace tgvc {

enum class SceneKind { kOrbit, kCrossing, kStatic };

// The camera: the world point under the frame centre follows a drifting pan, the view zooms and
// rolls a little. All terms are smooth (linear plus sinusoids).
struct CameraPath {
  Point2 start;      // world point under the frame centre at t = 0
  Point2 velocity;   // pan, world px per second
  Point2 sway;       // sinusoidal pan amplitude per axis
  Point2 sway_rate;  // rad/s
  Point2 sway_phase;
  double zoom_amplitude = 0;  // log-zoom amplitude
  double zoom_rate = 0;
  double zoom_phase = 0;
  double roll_amplitude = 0;  // radians
  double roll_rate = 0;
  double roll_phase = 0;
};

// An object's centre in screen coordinates: on an ellipse around `centre` (orbit) or along a
// line through `centre` with a sideways wobble (crossing); spin and breathing scale on top.
struct ObjectPath {
  bool orbits = true;
  Point2 centre;
  double radius_x = 0, radius_y = 0, tilt = 0;  // orbit ellipse
  double angular_rate = 0, angular_phase = 0;   // rad/s, rad
  Point2 direction;                             // crossing: unit direction
  double speed = 0, mid_time = 0;               // px/s; when it passes `centre`
  double wobble = 0, wobble_rate = 0, wobble_phase = 0;
  double angle = 0, spin = 0;  // rad, rad/s
  double scale = 1, breathe = 0, breathe_rate = 0, breathe_phase = 0;
};

struct SceneObject {
  Shape shape;
  Texture texture;
  ObjectPath path;
};

struct SceneModel {
  SceneKind kind = SceneKind::kOrbit;
  int width = 0;
  int height = 0;
  Texture background{2};
  CameraPath camera{};
  std::vector<SceneObject> objects;  // back to front: later objects occlude earlier ones

  // World (background texture) coordinates -> screen coordinates at time t (seconds).
  Similarity camera_at(double t) const;
  // Object i's local coordinates -> screen coordinates at time t.
  Similarity object_at(int i, double t) const;
  // Local -> screen for a layer: -1 is the background, 0.. the objects.
  Similarity layer_at(int layer, double t) const;
  // The nearest layer whose shape contains screen point p at time t (-1: the background).
  int topmost_layer(Point2 p, double t) const;
};

// Draws a scene from the seed. The textures come first, so a seed shows the same background and
// objects in every scene kind; only the motion differs.
SceneModel draw_scene(SceneKind kind, uint32_t seed, int width, int height);

}  // namespace tgvc
