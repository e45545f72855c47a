#include <gtest/gtest.h>

#include "harness/core/compare_tolerance_rules.h"

namespace tgvc {
namespace {

TEST(GlobMatch, StarMatchesAnyRunIncludingNone) {
  EXPECT_TRUE(glob_match("psnr_*", "psnr_y"));
  EXPECT_TRUE(glob_match("psnr_*", "psnr_"));
  EXPECT_FALSE(glob_match("psnr_*", "psnr"));
  EXPECT_FALSE(glob_match("psnr_*", "msssim_rgb"));
  EXPECT_TRUE(glob_match("*", ""));
  EXPECT_TRUE(glob_match("*_rgb", "psnr_rgb"));
  EXPECT_FALSE(glob_match("*_rgb", "psnr_rgb_msepool"));
  EXPECT_TRUE(glob_match("*rgb*", "psnr_rgb_msepool"));
  EXPECT_TRUE(glob_match("p*_*_m*", "psnr_rgb_msepool"));
  EXPECT_TRUE(glob_match("bpp", "bpp"));
  EXPECT_FALSE(glob_match("bpp", "bpp2"));
  EXPECT_FALSE(glob_match("", "a"));
  // Backtracking: the first '_' is not the one that lets the rest match.
  EXPECT_TRUE(glob_match("*_y_x", "a_y_b_y_x"));
  EXPECT_FALSE(glob_match("*_y_x", "a_y_b_y_xx"));
  // Many stars against a long non-matching name stay fast (no exponential backtracking).
  EXPECT_FALSE(glob_match("*a*a*a*a*a*a*a*a*a*a*b", std::string(2000, 'a')));
}

Tolerances sample_rules() {
  Tolerances t;
  t.rules = {{"*", true, 1.0, false, 0},
             {"psnr_*", true, 0.05, false, 0},
             {"psnr_y", true, 0.02, false, 0},
             {"psnr_rgb*", true, 0.1, false, 0},
             {"*_rgb_msepool", true, 0.3, false, 0}};
  return t;
}

TEST(ToleranceFor, ExactBeatsGlobsAndMoreLiteralCharactersWin) {
  const Tolerances t = sample_rules();
  EXPECT_EQ(tolerance_for(t, "psnr_y").pattern, "psnr_y");
  EXPECT_EQ(tolerance_for(t, "psnr_u").pattern, "psnr_*");
  EXPECT_EQ(tolerance_for(t, "psnr_rgb").pattern, "psnr_rgb*");
  // "*_rgb_msepool" (12 literal characters) beats "psnr_rgb*" (8) and "psnr_*" (5).
  EXPECT_EQ(tolerance_for(t, "psnr_rgb_msepool").pattern, "*_rgb_msepool");
  EXPECT_EQ(tolerance_for(t, "lpips_alex").pattern, "*");
  Tolerances none;
  EXPECT_EQ(tolerance_for(none, "lpips_alex").pattern, "default");
  EXPECT_DOUBLE_EQ(allowed_worsening(tolerance_for(none, "lpips_alex"), 0.4), 0.0);
}

TEST(ToleranceFor, EqualSpecificityGoesToTheEarlierRule) {
  Tolerances t;
  t.rules = {{"ms*", true, 1, false, 0}, {"*im", true, 2, false, 0}};
  EXPECT_DOUBLE_EQ(tolerance_for(t, "msssim").abs, 1);
  std::swap(t.rules[0], t.rules[1]);
  EXPECT_DOUBLE_EQ(tolerance_for(t, "msssim").abs, 2);
}

TEST(AllowedWorsening, LargerOfAbsoluteAndRelative) {
  EXPECT_DOUBLE_EQ(allowed_worsening({"x", true, 0.05, false, 0}, 30), 0.05);
  EXPECT_DOUBLE_EQ(allowed_worsening(
                       {
                           "x",
                           false,
                           0,
                           true,
                           0.01,
                       },
                       -2000),
                   20);
  EXPECT_DOUBLE_EQ(allowed_worsening({"x", true, 5, true, 0.01}, 2000), 20);
  EXPECT_DOUBLE_EQ(allowed_worsening({"x", true, 50, true, 0.01}, 2000), 50);
  EXPECT_EQ(tolerance_text({"x", true, 0.05, true, 0.01}), "abs 0.05 or rel 1%");
  EXPECT_EQ(tolerance_text({"x", false, 0, true, 0.005}), "rel 0.5%");
}

TEST(Ignore, MatchesGlobs) {
  Tolerances t;
  t.ignore = {"kbps", "bits_*"};
  EXPECT_TRUE(is_ignored(t, "kbps"));
  EXPECT_TRUE(is_ignored(t, "bits_video"));
  EXPECT_FALSE(is_ignored(t, "bits"));
  EXPECT_FALSE(is_ignored(t, "bpp"));
}

}  // namespace
}  // namespace tgvc
