// The pictures look natural enough for codec work: structured at several scales, neither flat
// nor white noise.
#include <gtest/gtest.h>

#include "datasets/synthetic/synthetic_sequence.h"
#include "tests/unit/datasets/synthetic_test_util.h"

namespace tgvc {
namespace {

TEST(SyntheticAppearance, LumaHasStructureAtSeveralScales) {
  for (const std::string& scene : synthetic_scenes()) {
    for (uint32_t seed : {1u, 2u, 3u}) {
      SyntheticSpec spec;
      spec.scene = scene;
      spec.seed = seed;
      const Frame frame = SyntheticSequence(spec).render(5);
      SCOPED_TRACE(::testing::Message() << scene << " seed " << seed);
      EXPECT_GT(testing::luma_deviation(frame), 12.0);
      // Per 2x2 downsampling, white noise divides the difference variance by 4 and a smooth ramp
      // multiplies it by 4; natural images sit in between, near 1 to 2.
      double previous = testing::difference_variance(frame, 0);
      EXPECT_GT(previous, 1.0);
      for (int level = 1; level <= 4; ++level) {
        const double v = testing::difference_variance(frame, level);
        EXPECT_GT(v / previous, 0.6) << "level " << level;
        EXPECT_LT(v / previous, 3.2) << "level " << level;
        previous = v;
      }
    }
  }
}

}  // namespace
}  // namespace tgvc
