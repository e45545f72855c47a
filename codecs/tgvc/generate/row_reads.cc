#include "codecs/tgvc/generate/row_reads.h"

#include "harness/core/vector_clones.h"

namespace tgvc {
namespace {

// One axis of row_taps(): coordinates clamped, then split into sample and weight (a division in a
// select, or both axes in one loop, would keep the loops scalar).
TGVC_VECTOR_CLONES
void axis_taps(const double* __restrict from, int n, Divider by, int size, int* __restrict first,
               int* __restrict second, double* __restrict weight) {
  if (by.power_of_two) {
    for (int i = 0; i < n; ++i) weight[i] = clamped_coordinate(from[i] * by.inverse - 0.5, size);
  } else {
    for (int i = 0; i < n; ++i) weight[i] = clamped_coordinate(from[i] / by.s - 0.5, size);
  }
  for (int i = 0; i < n; ++i) {
    const int sample = static_cast<int>(weight[i]);
    first[i] = sample;
    second[i] = next_sample(sample, size);
    weight[i] -= sample;
  }
}

}  // namespace

TGVC_VECTOR_CLONES
void row_to_keyframes(const CameraMotion& camera, const CameraMotion::AtTime& at, double sx, double py,
                      int x0, int n, double* __restrict ax, double* __restrict ay, double* __restrict bx,
                      double* __restrict by) {
  if (at.still || !at.invertible) {
    for (int i = 0; i < n; ++i)
      camera.to_keyframes(at, (x0 + i + 0.5) * sx, py, ax + i, ay + i, bx + i, by + i);
    return;
  }
  for (int i = 0; i < n; ++i)
    camera.to_keyframes_invertible(at, (x0 + i + 0.5) * sx, py, ax + i, ay + i, bx + i, by + i);
}

TGVC_VECTOR_CLONES
void row_moved(const SimilarityMotion& motion, double sx, double py, int x0, int n, double* __restrict xs,
               double* __restrict ys) {
  for (int i = 0; i < n; ++i) motion.apply((x0 + i + 0.5) * sx, py, xs + i, ys + i);
}

void row_taps(const double* xs, const double* ys, int n, const Divider& by_sx, const Divider& by_sy,
              int width, int height, RowTaps* taps) {
  axis_taps(xs, n, by_sx, width, taps->x0.data(), taps->x1.data(), taps->fx.data());
  axis_taps(ys, n, by_sy, height, taps->y0.data(), taps->y1.data(), taps->fy.data());
}

// (The flags get loops of their own: a store through uint8_t may alias anything.)
TGVC_VECTOR_CLONES
void row_inside(const double* __restrict xs, const double* __restrict ys, int n, double width, double height,
                uint8_t* __restrict inside) {
  for (int i = 0; i < n; ++i) inside[i] = inside_frame(xs[i], ys[i], width, height);
}

TGVC_VECTOR_CLONES
void row_pixels(const double* __restrict xs, const double* __restrict ys, int n, const FloatImage& map,
                int* __restrict pixels) {
  for (int i = 0; i < n; ++i) pixels[i] = map.nearest_index(xs[i], ys[i]);
}

TGVC_VECTOR_CLONES
void row_near(const double* __restrict xs, const double* __restrict ys, int n, const SupportMask& mask,
              uint8_t* __restrict near) {
  for (int i = 0; i < n; ++i) near[i] = mask.samples_near(xs[i], ys[i]);
}

}  // namespace tgvc
