#include "codecs/tgvc/clustering/zscore.h"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "harness/core/error.h"

namespace tgvc {
namespace {

TEST(Zscore, PopulationStandardDeviation) {
  // Column 0: 1, 2, 3, 4 -> mean 2.5, population variance 1.25.
  // Column 1: constant -> 0. Column 2: 0.1 + 0.2 vs 0.3 differ only by rounding -> 0 as well.
  FeatureMatrix m(4, 3);
  const double rounding = 0.1 + 0.2;
  m.values = {1, 7, 0.3, 2, 7, rounding, 3, 7, 0.3, 4, 7, rounding};
  ASSERT_NE(rounding, 0.3);
  zscore_columns(m);
  const double sd = std::sqrt(1.25);
  EXPECT_DOUBLE_EQ(m.at(0, 0), -1.5 / sd);
  EXPECT_DOUBLE_EQ(m.at(1, 0), -0.5 / sd);
  EXPECT_DOUBLE_EQ(m.at(2, 0), 0.5 / sd);
  EXPECT_DOUBLE_EQ(m.at(3, 0), 1.5 / sd);
  for (int r = 0; r < 4; ++r) {
    EXPECT_EQ(m.at(r, 1), 0);
    EXPECT_EQ(m.at(r, 2), 0);
  }
}

TEST(Zscore, ResultHasZeroMeanAndUnitPopulationVariance) {
  FeatureMatrix m(50, 2);
  for (int r = 0; r < 50; ++r) {
    m.at(r, 0) = 1000 + 3.0 * r * r;
    m.at(r, 1) = std::sin(r) * 1e-3;
  }
  zscore_columns(m);
  for (int c = 0; c < 2; ++c) {
    double mean = 0, var = 0;
    for (int r = 0; r < 50; ++r) mean += m.at(r, c);
    mean /= 50;
    for (int r = 0; r < 50; ++r) var += (m.at(r, c) - mean) * (m.at(r, c) - mean);
    EXPECT_NEAR(mean, 0, 1e-12);
    EXPECT_NEAR(var / 50, 1, 1e-12);
  }
}

TEST(Zscore, EmptyAndBadMatrices) {
  FeatureMatrix empty(0, 14);
  zscore_columns(empty);
  EXPECT_EQ(empty.values.size(), 0u);
  FeatureMatrix bad(2, 2);
  bad.values.pop_back();
  EXPECT_THROW(zscore_columns(bad), InputError);
  FeatureMatrix inf(1, 1);
  inf.values = {std::numeric_limits<double>::infinity()};
  EXPECT_THROW(zscore_columns(inf), InputError);
}

}  // namespace
}  // namespace tgvc
