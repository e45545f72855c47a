#include <gtest/gtest.h>

#include "harness/results/matched_rate.h"

namespace tgvc {
namespace {

std::vector<CellResult> cells_at(std::initializer_list<double> bpps) {
  std::vector<CellResult> cells;
  for (double b : bpps) {
    CellResult c;
    c.status = CellOutcome::kOk;
    c.bpp = b;
    cells.push_back(c);
  }
  return cells;
}

std::vector<const CellResult*> pointers(const std::vector<CellResult>& cells) {
  std::vector<const CellResult*> out;
  for (const CellResult& c : cells) out.push_back(&c);
  return out;
}

TEST(MatchBpp, TargetIsTheMedianOfEachCodecsLowestBpp) {
  const auto a = cells_at({0.016, 0.001, 0.004});
  const auto b = cells_at({0.002, 0.008});
  const auto c = cells_at({0.0005, 0.03});
  const MatchedCells m = match_bpp({pointers(a), pointers(b), pointers(c)});
  EXPECT_DOUBLE_EQ(m.target_bpp, 0.001);  // lowest: 0.001, 0.002, 0.0005
  ASSERT_EQ(m.cells.size(), 3u);
  EXPECT_EQ(m.cells[0], &a[1]);
  EXPECT_EQ(m.cells[1], &b[0]);
  EXPECT_EQ(m.cells[2], &c[0]);  // 2x below beats 30x above on a log scale
}

TEST(MatchBpp, EvenCountUsesTheGeometricMeanAndTiesGoToTheLowerRate) {
  const auto a = cells_at({0.004, 0.001});
  const auto b = cells_at({0.004, 0.016});
  const MatchedCells m = match_bpp({pointers(a), pointers(b)});
  EXPECT_DOUBLE_EQ(m.target_bpp, 0.002);
  EXPECT_EQ(m.cells[0], &a[1]);  // 0.001 and 0.004 are both a factor 2 away
  EXPECT_EQ(m.cells[1], &b[0]);
}

TEST(MatchBpp, FailedAndMissingCellsAreSkipped) {
  auto a = cells_at({0.001, 0.002});
  a[0].status = CellOutcome::kFailed;
  const auto none = cells_at({});
  auto zero = cells_at({0.0});
  std::vector<const CellResult*> with_null = pointers(a);
  with_null.push_back(nullptr);
  const MatchedCells m = match_bpp({with_null, pointers(none), pointers(zero)});
  EXPECT_DOUBLE_EQ(m.target_bpp, 0.002);
  EXPECT_EQ(m.cells[0], &a[1]);
  EXPECT_EQ(m.cells[1], nullptr);
  EXPECT_EQ(m.cells[2], nullptr);
  EXPECT_EQ(match_bpp({}).target_bpp, 0);
}

}  // namespace
}  // namespace tgvc
