// The generator's building blocks against hand-computed values.
#include <gtest/gtest.h>

#include <cmath>

#include "datasets/synthetic/periodic_noise.h"
#include "datasets/synthetic/shape.h"
#include "datasets/synthetic/similarity.h"
#include "datasets/synthetic/texture.h"

namespace tgvc {
namespace {

TEST(SyntheticParts, SimilarityAppliesScaleRotationTranslationAndInverts) {
  const Similarity s = Similarity::make(2, std::acos(-1.0) / 2, 10, -3);  // x2, 90 degrees
  const Point2 p = s.apply({1, 0});
  EXPECT_NEAR(p.x, 10, 1e-12);
  EXPECT_NEAR(p.y, -1, 1e-12);
  EXPECT_NEAR(s.scale(), 2, 1e-12);
  const Point2 back = s.inverse().apply(s.apply({-7.25, 3.5}));
  EXPECT_NEAR(back.x, -7.25, 1e-12);
  EXPECT_NEAR(back.y, 3.5, 1e-12);
}

TEST(SyntheticParts, ShapeDistances) {
  const Shape disc{ShapeKind::kDisc, 5, 5, 0};
  EXPECT_DOUBLE_EQ(disc.signed_distance(3, 4), 0);
  EXPECT_DOUBLE_EQ(disc.signed_distance(0, 0), -5);
  EXPECT_DOUBLE_EQ(disc.signed_distance(0, 7), 2);
  const Shape box{ShapeKind::kRoundedRect, 10, 6, 2};
  EXPECT_DOUBLE_EQ(box.signed_distance(12, 0), 2);                     // beside a straight edge
  EXPECT_DOUBLE_EQ(box.signed_distance(0, -4), -2);                    // inside, 2 from the top edge
  EXPECT_NEAR(box.signed_distance(10, 6), std::sqrt(8.0) - 2, 1e-12);  // off the rounded corner
  const Shape ellipse{ShapeKind::kEllipse, 8, 4, 0};
  EXPECT_NEAR(ellipse.signed_distance(8, 0), 0, 1e-12);
  EXPECT_NEAR(ellipse.signed_distance(0, 4.5), 0.5, 0.02);
  EXPECT_LT(ellipse.signed_distance(0, 0), 0);
  EXPECT_GE(box.bounding_radius(), std::hypot(10.0, 6.0));
}

TEST(SyntheticParts, TextureSamplesTexelCentresAndWraps) {
  Texture t(4);
  t.set(1, 2, {0.25, 0.5, 1.0});
  t.set(2, 2, {0.75, 0.0, 0.0});
  const Rgb centre = t.sample(1.5, 2.5);
  EXPECT_NEAR(centre.r, 0.25, 1e-7);
  EXPECT_NEAR(centre.b, 1.0, 1e-7);
  const Rgb between = t.sample(2.0, 2.5);  // halfway between texels 1 and 2
  EXPECT_NEAR(between.r, 0.5, 1e-7);
  EXPECT_NEAR(between.g, 0.25, 1e-7);
  const Rgb wrapped = t.sample(2.0 + 4 * 1000, 2.5 - 4 * 7);
  EXPECT_NEAR(wrapped.r, between.r, 1e-9);
  EXPECT_NEAR(t.sample(0.0, 2.5).r, 0.0, 1e-7);  // halfway between texel 3 and texel 0 (both 0)
}

TEST(SyntheticParts, PeriodicNoiseIsNormalisedAndSeamless) {
  Lcg rng(5);
  const int n = 128;
  const std::vector<float> table = periodic_noise(rng, n, {4, 16, 0.6, false});
  double mean = 0, var = 0;
  for (float v : table) mean += v;
  mean /= table.size();
  for (float v : table) var += (v - mean) * (v - mean);
  EXPECT_NEAR(mean, 0, 1e-5);
  EXPECT_NEAR(var / table.size(), 1, 1e-4);
  // Steps across the wrap (last column to first) are as small as steps inside the table.
  double inner = 0, seam = 0;
  for (int y = 0; y < n; ++y) {
    inner += std::abs(table[y * n + n / 2] - table[y * n + n / 2 - 1]);
    seam += std::abs(table[y * n] - table[y * n + n - 1]);
  }
  EXPECT_LT(seam, 2 * inner);
  EXPECT_GT(seam, 0.2 * inner);
}

}  // namespace
}  // namespace tgvc
