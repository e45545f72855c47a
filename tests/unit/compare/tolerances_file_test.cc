#include <gtest/gtest.h>

#include "harness/config/compare_tolerances.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

// The `where` and `found` of the InputError `text` raises.
std::pair<std::string, std::string> error_of(const std::string& text) {
  try {
    parse_tolerances(text, "tol.yaml");
  } catch (const InputError& e) {
    return {e.where(), e.expected() + " | " + e.found()};
  }
  ADD_FAILURE() << "no error for:\n" << text;
  return {};
}

TEST(TolerancesFile, ReadsDefaultRulesAndIgnoreInFileOrder) {
  const Tolerances t = parse_tolerances(R"(# CI gate
default: {abs: 0.001}
metrics:
  psnr_*: {abs: 0.05}   # dB
  bpp: {rel: 0.01}
  bits*: {abs: 64, rel: .5e-2}
ignore: [kbps, "bits_*"]
)",
                                        "tol.yaml");
  EXPECT_TRUE(t.fallback.has_abs);
  EXPECT_FALSE(t.fallback.has_rel);
  EXPECT_DOUBLE_EQ(t.fallback.abs, 0.001);
  ASSERT_EQ(t.rules.size(), 3u);
  EXPECT_EQ(t.rules[0].pattern, "psnr_*");
  EXPECT_DOUBLE_EQ(t.rules[0].abs, 0.05);
  EXPECT_EQ(t.rules[1].pattern, "bpp");
  EXPECT_FALSE(t.rules[1].has_abs);
  EXPECT_DOUBLE_EQ(t.rules[1].rel, 0.01);
  EXPECT_DOUBLE_EQ(t.rules[2].abs, 64);
  EXPECT_DOUBLE_EQ(t.rules[2].rel, 0.005);
  EXPECT_EQ(t.ignore, (std::vector<std::string>{"kbps", "bits_*"}));
}

TEST(TolerancesFile, EmptyFileIsStrict) {
  const Tolerances t = parse_tolerances("", "tol.yaml");
  EXPECT_TRUE(t.rules.empty());
  EXPECT_TRUE(t.fallback.has_abs);
  EXPECT_EQ(t.fallback.abs, 0.0);
}

TEST(TolerancesFile, UnknownKeysNameLineColumnAndClosestKey) {
  auto [where, what] = error_of("default: {abs: 0}\nmetric:\n  psnr_*: {abs: 0.05}\n");
  EXPECT_EQ(where, "tol.yaml:2:1: tolerances");
  EXPECT_NE(what.find("'metrics'"), std::string::npos) << what;
  EXPECT_NE(what.find("unknown key 'metric'"), std::string::npos) << what;

  std::tie(where, what) = error_of("metrics:\n  psnr_*: {abs: 0.05}\n  bpp: {rell: 0.01}\n");
  EXPECT_EQ(where, "tol.yaml:3:9: metrics.bpp");
  EXPECT_NE(what.find("'rel'"), std::string::npos) << what;
}

TEST(TolerancesFile, BadBoundsAndShapesAreErrorsAtTheirPosition) {
  EXPECT_EQ(error_of("metrics:\n  bpp: {rel: -0.01}\n").first, "tol.yaml:2:14: metrics.bpp.rel");
  EXPECT_EQ(error_of("metrics:\n  bpp: {abs: 1 dB}\n").first, "tol.yaml:2:14: metrics.bpp.abs");
  EXPECT_EQ(error_of("metrics:\n  bpp: {abs: nan}\n").first, "tol.yaml:2:14: metrics.bpp.abs");
  EXPECT_EQ(error_of("metrics:\n  bpp: {}\n").first, "tol.yaml:2:8: metrics.bpp");
  EXPECT_EQ(error_of("metrics:\n  bpp: 0.01\n").first, "tol.yaml:2:8: metrics.bpp");
  EXPECT_EQ(error_of("metrics:\n  bpp: {rel: 0.01}\n  bpp: {rel: 0.02}\n").first, "tol.yaml:3:3: metrics");
  EXPECT_EQ(error_of("ignore: kbps\n").first, "tol.yaml:1:9: ignore");
  EXPECT_EQ(error_of("ignore: [kbps, [bpp]]\n").first, "tol.yaml:1:16: ignore[1]");
  EXPECT_EQ(error_of("- 1\n- 2\n").first, "tol.yaml:1:1: tolerances");
  EXPECT_EQ(error_of("metrics: {bpp: {rel: 0.01}\n").first.rfind("tol.yaml:", 0), 0u);
}

TEST(TolerancesFile, MissingFileIsNamed) {
  try {
    load_tolerances("/nonexistent/tolerances.yaml");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/tolerances.yaml"), std::string::npos);
  }
}

TEST(TolerancesFile, ShippedCiFileParses) {
  const Tolerances t = load_tolerances(std::string(TGVC_SOURCE_DIR) + "/configs/ci/tolerances.yaml");
  EXPECT_FALSE(t.rules.empty());
}

}  // namespace
}  // namespace tgvc
