// Draws a scene at one instant as an 8-bit RGB frame.
#pragma once

#include "datasets/synthetic/scene_model.h"
#include "harness/core/frame.h"

namespace tgvc {

// Each pixel centre (x+0.5, y+0.5) is mapped back into the background texture through the camera
// and into every object that may cover it; objects are blended back to front with an analytic
// edge coverage of about one pixel. Colour is computed in double and rounded once.
Frame render_rgb(const SceneModel& scene, double t);

// Texture coordinates of an object's local point (the texture is centred on the object).
inline Point2 object_texture_coordinates(const SceneObject& object, Point2 local) {
  const double half = 0.5 * object.texture.size();
  return {local.x + half, local.y + half};
}

}  // namespace tgvc
