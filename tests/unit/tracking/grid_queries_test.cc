// The paper's query lattice: count, order, spacing and pixel centres.
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <utility>

#include "harness/core/error.h"
#include "harness/tracking/tracks.h"

namespace tgvc {
namespace {

TEST(GridQueries, TwoLatticesOfPixelCentresOnTheFirstAndLastFrame) {
  const std::vector<TrackQuery> q = grid_queries(512, 320, 30);
  ASSERT_EQ(q.size(), 8192u);
  for (size_t i = 0; i < q.size(); ++i) {
    EXPECT_EQ(q[i].frame, i < 4096 ? 0 : 29) << i;
    // Pixel centres: integer + 0.5, inside the frame.
    EXPECT_EQ(q[i].x - std::floor(q[i].x), 0.5f) << i;
    EXPECT_EQ(q[i].y - std::floor(q[i].y), 0.5f) << i;
    EXPECT_GT(q[i].x, 0);
    EXPECT_LT(q[i].x, 512);
    EXPECT_GT(q[i].y, 0);
    EXPECT_LT(q[i].y, 320);
  }
  // Row-major: x varies fastest; 512/64 = 8 and 320/64 = 5 pixels apart, centred in each cell.
  EXPECT_FLOAT_EQ(q[0].x, 4.5f);
  EXPECT_FLOAT_EQ(q[0].y, 2.5f);
  EXPECT_FLOAT_EQ(q[1].x, 12.5f);
  EXPECT_FLOAT_EQ(q[1].y, 2.5f);
  EXPECT_FLOAT_EQ(q[64].x, 4.5f);
  EXPECT_FLOAT_EQ(q[64].y, 7.5f);
  EXPECT_FLOAT_EQ(q[4095].x, 508.5f);
  EXPECT_FLOAT_EQ(q[4095].y, 317.5f);
  for (size_t i = 0; i < 4096; ++i) {
    EXPECT_EQ(q[i].x, q[i + 4096].x);
    EXPECT_EQ(q[i].y, q[i + 4096].y);
  }
  std::set<std::pair<float, float>> distinct;
  for (size_t i = 0; i < 4096; ++i) distinct.insert({q[i].x, q[i].y});
  EXPECT_EQ(distinct.size(), 4096u);
}

TEST(GridQueries, UnevenSizesSpreadOverTheWholeFrame) {
  const std::vector<TrackQuery> q = grid_queries(100, 37, 5, 4);
  ASSERT_EQ(q.size(), 32u);
  // Cells of 25 px: centres 12.5, 37.5, 62.5, 87.5 -> pixels 12, 37, 62, 87.
  EXPECT_FLOAT_EQ(q[0].x, 12.5f);
  EXPECT_FLOAT_EQ(q[1].x, 37.5f);
  EXPECT_FLOAT_EQ(q[2].x, 62.5f);
  EXPECT_FLOAT_EQ(q[3].x, 87.5f);
  // Cells of 9.25 px: centres 4.625, 13.875, 23.125, 32.375 -> pixels 4, 13, 23, 32.
  EXPECT_FLOAT_EQ(q[0].y, 4.5f);
  EXPECT_FLOAT_EQ(q[4].y, 13.5f);
  EXPECT_FLOAT_EQ(q[8].y, 23.5f);
  EXPECT_FLOAT_EQ(q[12].y, 32.5f);
  EXPECT_EQ(q[16].frame, 4);
}

TEST(GridQueries, OneFrameClipPutsBothLatticesOnFrameZero) {
  const std::vector<TrackQuery> q = grid_queries(16, 16, 1, 2);
  ASSERT_EQ(q.size(), 8u);
  for (const TrackQuery& query : q) EXPECT_EQ(query.frame, 0);
}

TEST(GridQueries, RejectsBadSizes) {
  EXPECT_THROW(grid_queries(0, 320, 30), InputError);
  EXPECT_THROW(grid_queries(512, -1, 30), InputError);
  EXPECT_THROW(grid_queries(512, 320, 0), InputError);
  EXPECT_THROW(grid_queries(512, 320, 30, 0), InputError);
  EXPECT_THROW(grid_queries(512, 320, 30, 5000), InputError);
}

}  // namespace
}  // namespace tgvc
