// SupportMask stores a mask only around its box; every value and bilinear read must equal those of
// the same mask stored for the whole frame (FloatImage), wherever the box lies: inside, touching
// each edge, covering the frame, or empty.
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "codecs/tgvc/generate/support_mask.h"
#include "harness/core/lcg.h"

namespace tgvc {
namespace {

constexpr int kWidth = 48, kHeight = 30;

TEST(SupportMask, ReadsEqualTheWholeFrameMask) {
  const PixelBox boxes[] = {
      {10, 7, 21, 15},         {0, 0, 6, 4}, {40, 22, kWidth, kHeight}, {0, 12, kWidth, 13},
      {0, 0, kWidth, kHeight}, {5, 5, 6, 6}, {-3, -2, 4, 50},           {}};
  Lcg lcg(3);
  for (const PixelBox& box : boxes) {
    SupportMask mask(kWidth, kHeight, box);
    FloatImage whole(kWidth, kHeight, 0);
    for (int y = mask.box().y0; y < mask.box().y1; ++y) {
      for (int x = mask.box().x0; x < mask.box().x1; ++x) {
        const float v = static_cast<float>(0.05 + 0.95 * lcg.uniform());
        mask.at_in_box(x, y) = v;
        whole.at(x, y) = v;
      }
    }
    for (int y = 0; y < kHeight; ++y) {
      for (int x = 0; x < kWidth; ++x) ASSERT_EQ(mask.at(x, y), whole.at(x, y)) << x << ", " << y;
    }
    // Every pixel edge and centre over the frame and a 2-pixel margin around it, then random places.
    std::vector<std::pair<double, double>> places;
    for (double y = -2; y <= kHeight + 2; y += 0.5) {
      for (double x = -2; x <= kWidth + 2; x += 0.5) places.emplace_back(x, y);
    }
    for (int i = 0; i < 2000; ++i) {
      const double y = lcg.uniform(-3, kHeight + 3);  // y first: GCC drew it first as an argument
      places.emplace_back(lcg.uniform(-3, kWidth + 3), y);
    }
    for (const auto& [x, y] : places) {
      ASSERT_EQ(mask.samples_near(x, y), whole.samples_near(x, y)) << x << ", " << y;
      ASSERT_EQ(mask.sample(x, y), whole.sample(x, y)) << x << ", " << y;
    }
  }
  // A box partly outside the frame is clipped to it.
  const SupportMask clipped(kWidth, kHeight, {-3, -2, 4, 50});
  EXPECT_EQ(clipped.box().x0, 0);
  EXPECT_EQ(clipped.box().y1, kHeight);
  EXPECT_TRUE(SupportMask(kWidth, kHeight, {}).box().empty());
}

}  // namespace
}  // namespace tgvc
