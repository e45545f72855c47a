// Object outlines in the object's local coordinates (pixels at scale 1, origin at the centre).
#pragma once

namespace tgvc {

enum class ShapeKind { kDisc, kEllipse, kRoundedRect };

struct Shape {
  ShapeKind kind = ShapeKind::kDisc;
  double half_width = 1;   // disc: the radius
  double half_height = 1;  // disc: ignored
  double corner = 0;       // rounded rectangle: corner radius (<= both half sizes)

  // Signed distance to the outline, negative inside (exact for discs and rounded rectangles,
  // first-order for ellipses, which is what edge anti-aliasing needs).
  double signed_distance(double x, double y) const;
  // Radius of a circle around the origin that contains the shape.
  double bounding_radius() const;
};

}  // namespace tgvc
