#include "datasets/synthetic/similarity.h"

#include <cmath>

namespace tgvc {

Similarity Similarity::make(double scale, double angle, double tx, double ty) {
  return {scale * std::cos(angle), scale * std::sin(angle), tx, ty};
}

double Similarity::scale() const {
  return std::hypot(a, b);
}

Similarity Similarity::inverse() const {
  // The inverse of s R is R^T / s; its translation is -(R^T / s) t.
  const double s2 = a * a + b * b;
  const double ia = a / s2;
  const double ib = -b / s2;
  return {ia, ib, -(ia * tx - ib * ty), -(ib * tx + ia * ty)};
}

}  // namespace tgvc
