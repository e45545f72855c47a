// The composer's reads of one row of positions, prepared before any sample is read: positions,
// inside flags, map pixels and bilinear taps for the whole row, each in a loop without a branch
// per position that the compiler vectorises (with an AVX2 copy chosen at run time). They run the
// same operations in the same order as the per-position functions of plane_sampling.h, so the
// values are the same.
#pragma once

#include <cstdint>
#include <vector>

#include "codecs/tgvc/generate/camera_motion.h"
#include "codecs/tgvc/generate/plane_sampling.h"
#include "codecs/tgvc/generate/similarity_fit.h"
#include "codecs/tgvc/generate/support_mask.h"

namespace tgvc {

// Bilinear taps of a row's positions, one entry per position.
struct RowTaps {
  std::vector<int> x0, x1, y0, y1;
  std::vector<double> fx, fy;

  explicit RowTaps(int n) : x0(n), x1(n), y0(n), y1(n), fx(n), fy(n) {}
  BilinearTap operator[](int i) const { return {x0[i], x1[i], y0[i], y1[i], fx[i], fy[i]}; }
};

// Sample i of a row at height py in a plane of scale sx (sample x at luma (x + 0.5) * sx), for
// i = 0..n-1 from sample x0: where the camera at one time reads it in A and in B (to_keyframes).
void row_to_keyframes(const CameraMotion& camera, const CameraMotion::AtTime& at, double sx, double py,
                      int x0, int n, double* ax, double* ay, double* bx, double* by);
// ... and where a similarity motion moves it.
void row_moved(const SimilarityMotion& motion, double sx, double py, int x0, int n, double* xs, double* ys);

// bilinear_tap() of each (by_sx(xs[i]) - 0.5, by_sy(ys[i]) - 0.5) on a width x height grid.
void row_taps(const double* xs, const double* ys, int n, const Divider& by_sx, const Divider& by_sy,
              int width, int height, RowTaps* taps);
// inside_frame() of each position.
void row_inside(const double* xs, const double* ys, int n, double width, double height, uint8_t* inside);
// map.nearest_index() of each position.
void row_pixels(const double* xs, const double* ys, int n, const FloatImage& map, int* pixels);
// mask.samples_near() of each position.
void row_near(const double* xs, const double* ys, int n, const SupportMask& mask, uint8_t* near);

}  // namespace tgvc
