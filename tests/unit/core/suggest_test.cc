#include "harness/core/suggest.h"

#include <gtest/gtest.h>

namespace tgvc {
namespace {

TEST(Suggest, EditDistanceCountsSwapsAsOne) {
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3);
  EXPECT_EQ(edit_distance("rwa", "raw"), 1);
  EXPECT_EQ(edit_distance("", "abc"), 3);
  EXPECT_EQ(edit_distance("same", "same"), 0);
}

TEST(Suggest, ClosestMatchOrNothing) {
  const std::vector<std::string> keys = {"experiment", "output", "frames", "metrics", "jobs"};
  EXPECT_EQ(closest_match("metircs", keys), "metrics");
  EXPECT_EQ(closest_match("jbos", keys), "jobs");
  EXPECT_EQ(closest_match("zzzzzz", keys), "");
}

}  // namespace
}  // namespace tgvc
