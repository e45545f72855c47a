// 2-D similarity transforms (rotation, uniform scale, translation) fitted to point pairs: the
// per-frame motion of one motion instance in the warp generator.
#pragma once

#include <vector>

namespace tgvc {

// x' = a x - b y + tx,  y' = b x + a y + ty.
struct SimilarityMotion {
  double a = 1;
  double b = 0;
  double tx = 0;
  double ty = 0;

  void apply(double x, double y, double* ox, double* oy) const {
    *ox = a * x - b * y + tx;
    *oy = b * x + a * y + ty;
  }
  SimilarityMotion inverse() const;
  double scale() const;
};

struct PointPair {
  double x = 0, y = 0;    // from
  double px = 0, py = 0;  // to
  double weight = 1;
};

struct SimilarityFitOptions {
  // Below this RMS spread of the weighted source points (px) only a translation is fitted: a
  // rotation and scale from points that close together would be mostly noise.
  double min_spread = 12;
  double min_scale = 0.75;  // scales outside [min_scale, 1 / min_scale] fall back to a translation
  // With at least 4 pairs, a pair whose residual exceeds max(outlier_px, 3 x median residual) is
  // dropped and the fit repeated (once per pass, up to two passes).
  double outlier_px = 4;
};

// Weighted least squares; pairs with weight <= 0 are ignored; no pair gives the identity.
SimilarityMotion fit_similarity(const std::vector<PointPair>& pairs,
                                const SimilarityFitOptions& options = {});

}  // namespace tgvc
