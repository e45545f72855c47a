#include "datasets/synthetic/shape.h"

#include <algorithm>
#include <cmath>

namespace tgvc {

double Shape::signed_distance(double x, double y) const {
  switch (kind) {
    case ShapeKind::kDisc:
      return std::hypot(x, y) - half_width;
    case ShapeKind::kEllipse: {
      // f = |(x/a, y/b)| - 1 divided by |grad f| approximates the Euclidean distance near the edge.
      const double a = half_width, b = half_height;
      const double k = std::hypot(x / a, y / b);
      const double grad = std::hypot(x / (a * a), y / (b * b));
      if (grad <= 0) return -std::min(a, b);
      return k * (k - 1) / grad;
    }
    case ShapeKind::kRoundedRect: {
      const double qx = std::abs(x) - (half_width - corner);
      const double qy = std::abs(y) - (half_height - corner);
      const double outside = std::hypot(std::max(qx, 0.0), std::max(qy, 0.0));
      return outside + std::min(std::max(qx, qy), 0.0) - corner;
    }
  }
  return 0;
}

double Shape::bounding_radius() const {
  return kind == ShapeKind::kDisc ? half_width : std::hypot(half_width, half_height);
}

}  // namespace tgvc
