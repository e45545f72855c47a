// A 2-D similarity transform (uniform scale, rotation, translation): the only motion the synthetic
// generator uses, so that every layer's pixel <-> texture mapping is exact and invertible.
#pragma once

namespace tgvc {

struct Point2 {
  double x = 0;
  double y = 0;
};

// x' = a x - b y + tx,  y' = b x + a y + ty  with a = s cos(angle), b = s sin(angle).
struct Similarity {
  double a = 1;
  double b = 0;
  double tx = 0;
  double ty = 0;

  // Scale by `scale` and rotate by `angle` (radians) about the origin, then translate.
  static Similarity make(double scale, double angle, double tx, double ty);

  Point2 apply(Point2 p) const { return {a * p.x - b * p.y + tx, b * p.x + a * p.y + ty}; }
  double scale() const;
  Similarity inverse() const;
};

}  // namespace tgvc
