// The row-at-a-time reads (row_reads.h) against the per-position definitions they replace, written
// here as they were before the rows existed (std::clamp, short-circuit tests, the division per
// position): every flag, index, tap and position equal, at luma and non-power-of-two plane
// scales, for positions inside, on the edges of and outside the frame. The row functions run in
// vectorised loops (an AVX2 copy where the CPU has one); the row length is not a multiple of the
// vector width, so the loops' tails are covered too.
#include <algorithm>
#include <cmath>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "codecs/tgvc/generate/row_reads.h"
#include "harness/core/lcg.h"

namespace tgvc {
namespace {

constexpr int kWidth = 64, kHeight = 40, kCount = 517;

// Positions over [-12, width + 12] x [-12, height + 12], the edges and pixel centres first.
void positions(uint32_t seed, std::vector<double>* xs, std::vector<double>* ys) {
  const double edges[][2] = {
      {0.0, 0.0},        {-0.0, 5},          {kWidth, 10},       {10, kHeight},
      {kWidth, kHeight}, {kWidth + 1e-9, 3}, {-1e-9, 3},         {3, -1e-9},
      {-1.0, 5},         {-1.5, 5},          {5, -1.0},          {kWidth - 0.5, kHeight - 0.5},
      {0.5, 0.5},        {kWidth + 0.5, 7},  {7, kHeight + 0.5}, {12.25, 39.999999}};
  for (const auto& e : edges) {
    xs->push_back(e[0]);
    ys->push_back(e[1]);
  }
  Lcg lcg(seed);
  while (static_cast<int>(xs->size()) < kCount) {
    xs->push_back(-12 + (kWidth + 24) * lcg.uniform());
    ys->push_back(-12 + (kHeight + 24) * lcg.uniform());
  }
}

struct Tap {
  int x0, x1, y0, y1;
  double fx, fy;
};

// plane_sampling.h's bilinear tap as it was written per position.
Tap reference_tap(int width, int height, double u, double v) {
  u = std::clamp(u, 0.0, static_cast<double>(width - 1));
  v = std::clamp(v, 0.0, static_cast<double>(height - 1));
  const int x0 = static_cast<int>(u), y0 = static_cast<int>(v);
  return {x0, std::min(x0 + 1, width - 1), y0, std::min(y0 + 1, height - 1), u - x0, v - y0};
}

void expect_taps(const RowTaps& taps, int i, const Tap& want) {
  EXPECT_EQ(taps.x0[i], want.x0) << i;
  EXPECT_EQ(taps.x1[i], want.x1) << i;
  EXPECT_EQ(taps.y0[i], want.y0) << i;
  EXPECT_EQ(taps.y1[i], want.y1) << i;
  EXPECT_EQ(taps.fx[i], want.fx) << i;
  EXPECT_EQ(taps.fy[i], want.fy) << i;
}

TEST(RowReads, TapsEqualThePerPositionTapAtEveryPlaneScale) {
  std::vector<double> xs, ys;
  positions(7, &xs, &ys);
  // Luma (scale 1), 4:2:0 chroma (2), and an odd width's chroma (64 / 33: a division per position).
  for (const auto& [sx, sy, width, height] : std::vector<std::tuple<double, double, int, int>>{
           {1.0, 1.0, kWidth, kHeight}, {2.0, 2.0, kWidth / 2, kHeight / 2}, {64.0 / 33, 2.0, 33, 20}}) {
    const Divider by_sx(sx), by_sy(sy);
    RowTaps taps(kCount);
    row_taps(xs.data(), ys.data(), kCount, by_sx, by_sy, width, height, &taps);
    for (int i = 0; i < kCount; ++i) {
      const double u = (sx == 1 || sx == 2 ? xs[i] * (1 / sx) : xs[i] / sx) - 0.5;
      expect_taps(taps, i, reference_tap(width, height, u, ys[i] / sy - 0.5));
    }
  }
}

TEST(RowReads, FlagsAndPixelsEqualThePerPositionTests) {
  std::vector<double> xs, ys;
  positions(11, &xs, &ys);
  FloatImage map(kWidth, kHeight, 0);
  std::vector<uint8_t> inside(kCount), near(kCount);
  std::vector<int> pixels(kCount);
  row_inside(xs.data(), ys.data(), kCount, kWidth, kHeight, inside.data());
  row_pixels(xs.data(), ys.data(), kCount, map, pixels.data());
  row_near(xs.data(), ys.data(), kCount, SupportMask(kWidth, kHeight, {}), near.data());
  int outside = 0;
  for (int i = 0; i < kCount; ++i) {
    const double x = xs[i], y = ys[i];
    EXPECT_EQ(inside[i] != 0, x >= 0 && y >= 0 && x <= kWidth && y <= kHeight) << x << ", " << y;
    const bool on_map = x >= 0 && y >= 0 && x < kWidth && y < kHeight;
    EXPECT_EQ(pixels[i], on_map ? static_cast<int>(y) * kWidth + static_cast<int>(x) : -1) << x << ", " << y;
    const double u = x - 0.5, v = y - 0.5;
    EXPECT_EQ(near[i] != 0, !(u < -1 || v < -1 || u > kWidth || v > kHeight)) << x << ", " << y;
    outside += on_map ? 0 : 1;
  }
  EXPECT_GT(outside, kCount / 5);  // the positions cover the outside as well
}

TEST(RowReads, PositionsEqualThePerPositionCamera) {
  CameraMotion camera;
  camera.identity = false;
  camera.m = {1.02, 0.03, -4.5, -0.02, 0.99, 2.25};
  const CameraMotion::AtTime at = camera.at_time(0.4);
  const SimilarityMotion motion{0.97, 0.05, 3.5, -1.25};
  const double sx = 2, py = 17.5;
  const int x0 = 3;
  std::vector<double> ax(kCount), ay(kCount), bx(kCount), by(kCount), mx(kCount), my(kCount);
  row_to_keyframes(camera, at, sx, py, x0, kCount, ax.data(), ay.data(), bx.data(), by.data());
  row_moved(motion, sx, py, x0, kCount, mx.data(), my.data());
  const auto& c = at.c;
  const double det = c[0] * c[4] - c[1] * c[3];
  for (int i = 0; i < kCount; ++i) {
    const double px = (x0 + i + 0.5) * sx;
    // M(t) q = p solved for q, then q moved by the whole camera to B.
    const double qx = (c[4] * (px - c[2]) - c[1] * (py - c[5])) / det;
    const double qy = (c[0] * (py - c[5]) - c[3] * (px - c[2])) / det;
    EXPECT_EQ(ax[i], qx);
    EXPECT_EQ(ay[i], qy);
    EXPECT_EQ(bx[i], camera.m[0] * qx + camera.m[1] * qy + camera.m[2]);
    EXPECT_EQ(by[i], camera.m[3] * qx + camera.m[4] * qy + camera.m[5]);
    EXPECT_EQ(mx[i], motion.a * px - motion.b * py + motion.tx);
    EXPECT_EQ(my[i], motion.b * px + motion.a * py + motion.ty);
  }
  // A still camera leaves every position where it is.
  const CameraMotion still;
  row_to_keyframes(still, still.at_time(0.4), sx, py, x0, kCount, ax.data(), ay.data(), bx.data(), by.data());
  for (int i = 0; i < kCount; ++i) {
    const double px = (x0 + i + 0.5) * sx;
    EXPECT_EQ(ax[i], px);
    EXPECT_EQ(bx[i], px);
    EXPECT_EQ(ay[i], py);
    EXPECT_EQ(by[i], py);
  }
}

}  // namespace
}  // namespace tgvc
