#include <gtest/gtest.h>

#include "harness/core/placeholders.h"

namespace tgvc {
namespace {

TEST(Placeholders, ScanFindsNamesAndOffsets) {
  const PlaceholderScan scan = scan_placeholders("--qp={qp} {input}{{x}}");
  ASSERT_FALSE(scan.malformed_at.has_value());
  ASSERT_EQ(scan.uses.size(), 2u);
  EXPECT_EQ(scan.uses[0].name, "qp");
  EXPECT_EQ(scan.uses[0].offset, 5u);
  EXPECT_EQ(scan.uses[1].name, "input");
  EXPECT_EQ(scan.uses[1].offset, 10u);
}

TEST(Placeholders, MalformedBracesAreFound) {
  EXPECT_EQ(scan_placeholders("{input").malformed_at, 0u);
  EXPECT_EQ(scan_placeholders("a}b").malformed_at, 1u);
  EXPECT_EQ(scan_placeholders("x{}").malformed_at, 1u);
  EXPECT_EQ(scan_placeholders("{a{b}").malformed_at, 0u);
  EXPECT_FALSE(scan_placeholders("{{}}").malformed_at.has_value());
}

TEST(Placeholders, SubstituteReplacesEveryUseAndUnescapesBraces) {
  const std::map<std::string, std::string> v = {{"w", "512"}, {"h", "320"}, {"input", "/t/in.y4m"}};
  EXPECT_EQ(substitute_placeholders("{w}x{h}", v), "512x320");
  EXPECT_EQ(substitute_placeholders("-i={input} {{json}}", v), "-i=/t/in.y4m {json}");
  EXPECT_EQ(substitute_placeholders("{unknown}", v), "{unknown}");
  EXPECT_EQ(substitute_placeholders("plain", v), "plain");
}

}  // namespace
}  // namespace tgvc
