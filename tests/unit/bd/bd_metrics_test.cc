// BD metrics against the reference vectors (FAU-LMS `bjontegaard` / scipy) and against cases whose
// answer follows from the definition alone.
#include <cmath>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "harness/results/bd_metrics.h"

namespace tgvc {
namespace {

constexpr double kTolerance = 1e-8;  // the reference README's tolerance for BD values

nlohmann::json reference_bd() {
  std::ifstream in(std::string(TGVC_TEST_DATA_DIR) + "/vectors.json");
  EXPECT_TRUE(in) << "tests/data/vectors.json";
  return nlohmann::json::parse(in)["bd"];
}

std::vector<RdPoint> points(const nlohmann::json& curve) {
  std::vector<RdPoint> out;
  for (size_t i = 0; i < curve["rate"].size(); ++i) out.push_back({curve["rate"][i], curve["psnr"][i]});
  return out;
}

const std::vector<RdPoint> kAnchor = {{100, 30}, {200, 33}, {400, 35.5}, {800, 37.5}};
// LPIPS-like: distortion falls as the rate (bpp) rises.
const std::vector<RdPoint> kLpipsAnchor = {{0.002, 0.42}, {0.004, 0.35}, {0.008, 0.29}, {0.016, 0.25}};

class ReferenceVectors : public ::testing::TestWithParam<std::tuple<const char*, BdMethod>> {};

TEST_P(ReferenceVectors, BdRateBdPsnrAndIntervals) {
  const auto [set, method] = GetParam();
  const nlohmann::json v = reference_bd()[set];
  const nlohmann::json expected = v[to_string(method)];
  const BdResult r = bd_metrics(points(v["anchor"]), points(v["test"]), method);
  ASSERT_TRUE(r.ok) << r.reason;
  EXPECT_NEAR(r.bd_rate_pct, expected["bd_rate_pct"].get<double>(), kTolerance);
  EXPECT_NEAR(r.bd_quality, expected["bd_psnr_db"].get<double>(), kTolerance);
  EXPECT_NEAR(r.quality_low, v["interval_bdrate_quality"][0].get<double>(), 1e-12);
  EXPECT_NEAR(r.quality_high, v["interval_bdrate_quality"][1].get<double>(), 1e-12);
  EXPECT_NEAR(r.log10_rate_low, v["interval_bdpsnr_log10rate"][0].get<double>(), 1e-12);
  EXPECT_NEAR(r.log10_rate_high, v["interval_bdpsnr_log10rate"][1].get<double>(), 1e-12);
  EXPECT_EQ(r.warning, "");
}

INSTANTIATE_TEST_SUITE_P(AllSixVectors, ReferenceVectors,
                         ::testing::Combine(::testing::Values("A", "B"),
                                            ::testing::Values(BdMethod::kCubic, BdMethod::kPchip,
                                                              BdMethod::kAkima)),
                         [](const auto& info) {
                           return std::string(std::get<0>(info.param)) + "_" +
                                  to_string(std::get<1>(info.param));
                         });

class EveryMethod : public ::testing::TestWithParam<BdMethod> {};

TEST_P(EveryMethod, IdenticalCurvesGiveZero) {
  const BdResult r = bd_metrics(kAnchor, kAnchor, GetParam());
  ASSERT_TRUE(r.ok) << r.reason;
  EXPECT_EQ(r.bd_rate_pct, 0.0);
  EXPECT_EQ(r.bd_quality, 0.0);
}

TEST_P(EveryMethod, HalfTheRateAtEqualQualityIsMinusFiftyPercent) {
  std::vector<RdPoint> test;
  for (const RdPoint& p : kAnchor) test.push_back({p.rate / 2, p.quality});
  const BdResult r = bd_metrics(kAnchor, test, GetParam());
  ASSERT_TRUE(r.ok) << r.reason;
  EXPECT_NEAR(r.bd_rate_pct, -50.0, 1e-10);
  EXPECT_GT(r.bd_quality, 0);  // at equal rate the cheaper codec is better
  // The log-rate overlap is the anchor's range less one octave: [log10 100, log10 400].
  EXPECT_NEAR(r.log10_rate_low, 2.0, 1e-12);
  EXPECT_NEAR(r.log10_rate_high, std::log10(400.0), 1e-12);
}

TEST_P(EveryMethod, ConstantQualityShiftIsTheBdQuality) {
  // A curve raised by 0.5 dB everywhere: BD-quality is exactly that on the common log-rate range.
  std::vector<RdPoint> test;
  for (const RdPoint& p : kAnchor) test.push_back({p.rate, p.quality + 0.5});
  const BdResult r = bd_metrics(kAnchor, test, GetParam());
  ASSERT_TRUE(r.ok) << r.reason;
  EXPECT_NEAR(r.bd_quality, 0.5, 1e-12);
  EXPECT_LT(r.bd_rate_pct, 0);
}

TEST_P(EveryMethod, LowerIsBetterMetricKeepsTheSigns) {
  // LPIPS-like: distortion falls as the rate rises. The test reaches each distortion at half the
  // rate, so it saves bits and is better (lower LPIPS) at equal rate.
  std::vector<RdPoint> test;
  for (const RdPoint& p : kLpipsAnchor) test.push_back({p.rate / 2, p.quality});
  const BdResult r = bd_metrics(kLpipsAnchor, test, GetParam(), /*higher_is_better=*/false);
  ASSERT_TRUE(r.ok) << r.reason;
  EXPECT_NEAR(r.bd_rate_pct, -50.0, 1e-10);
  EXPECT_GT(r.bd_quality, 0.0);
  // The interval is in LPIPS units, low to high.
  EXPECT_NEAR(r.quality_low, 0.25, 1e-15);
  EXPECT_NEAR(r.quality_high, 0.42, 1e-15);
}

TEST_P(EveryMethod, LowerIsBetterShiftIsAPositiveBdQuality) {
  std::vector<RdPoint> test;
  for (const RdPoint& p : kLpipsAnchor) test.push_back({p.rate, p.quality - 0.01});
  const BdResult r = bd_metrics(kLpipsAnchor, test, GetParam(), false);
  ASSERT_TRUE(r.ok) << r.reason;
  EXPECT_NEAR(r.bd_quality, 0.01, 1e-12);
  EXPECT_LT(r.bd_rate_pct, 0.0);
}

TEST_P(EveryMethod, LowerIsBetterEqualsNegatedHigherIsBetter) {
  const std::vector<RdPoint> test = {{0.0021, 0.40}, {0.0037, 0.36}, {0.0075, 0.285}, {0.017, 0.24}};
  auto negated = [](std::vector<RdPoint> pts) {
    for (RdPoint& p : pts) p.quality = -p.quality;
    return pts;
  };
  const BdResult lower = bd_metrics(kLpipsAnchor, test, GetParam(), false);
  const BdResult higher = bd_metrics(negated(kLpipsAnchor), negated(test), GetParam(), true);
  ASSERT_TRUE(lower.ok && higher.ok) << lower.reason << higher.reason;
  EXPECT_NEAR(lower.bd_rate_pct, higher.bd_rate_pct, 1e-12);
  EXPECT_NEAR(lower.bd_quality, higher.bd_quality, 1e-15);
  EXPECT_NEAR(lower.quality_low, -higher.quality_high, 1e-15);
  EXPECT_NEAR(lower.quality_high, -higher.quality_low, 1e-15);
}

TEST_P(EveryMethod, NoOverlapIsNaNWithAReason) {
  std::vector<RdPoint> test;  // far better than the anchor: every quality above the anchor's best
  for (const RdPoint& p : kAnchor) test.push_back({p.rate * 8, p.quality + 10});
  const BdResult r = bd_metrics(kAnchor, test, GetParam());
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(std::isnan(r.bd_rate_pct));
  EXPECT_TRUE(std::isnan(r.bd_quality));
  EXPECT_TRUE(std::isnan(r.quality_low) && std::isnan(r.log10_rate_high));
  EXPECT_NE(r.reason.find("BD-rate: no overlap of the quality ranges"), std::string::npos) << r.reason;
  EXPECT_NE(r.reason.find("BD-quality: no overlap of the log10 rate ranges"), std::string::npos) << r.reason;
}

TEST_P(EveryMethod, SmallOverlapWarns) {
  // Qualities overlap on [36.5, 37.5]: 1 dB of the anchor's 7.5 dB.
  std::vector<RdPoint> test;
  for (const RdPoint& p : kAnchor) test.push_back({p.rate, p.quality + 6.5});
  const BdResult r = bd_metrics(kAnchor, test, GetParam());
  ASSERT_TRUE(r.ok) << r.reason;
  EXPECT_DOUBLE_EQ(r.quality_low, 36.5);
  EXPECT_DOUBLE_EQ(r.quality_high, 37.5);
  EXPECT_NE(r.warning.find("BD-rate: the quality overlap covers only 13% of the anchor's range"),
            std::string::npos)
      << r.warning;
  EXPECT_EQ(r.warning.find("BD-quality"), std::string::npos) << "the rates coincide: " << r.warning;
}

TEST_P(EveryMethod, BadValuesAreRefused) {
  std::vector<RdPoint> test = kAnchor;
  test[2].rate = 0;
  const BdResult r = bd_metrics(kAnchor, test, GetParam());
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(std::isnan(r.bd_rate_pct) && std::isnan(r.bd_quality));
  EXPECT_NE(r.reason.find("test point 3: the rate must be positive"), std::string::npos) << r.reason;
  test[2] = {400, std::nan("")};
  EXPECT_NE(bd_metrics(kAnchor, test, GetParam()).reason.find("test point 3: the quality must be finite"),
            std::string::npos);
}

TEST_P(EveryMethod, PointOrderDoesNotMatter) {
  const std::vector<RdPoint> shuffled = {kAnchor[2], kAnchor[0], kAnchor[3], kAnchor[1]};
  const std::vector<RdPoint> test = {{90, 30.2}, {170, 33.1}, {330, 35.8}, {640, 37.6}};
  const BdResult a = bd_metrics(kAnchor, test, GetParam());
  const BdResult b = bd_metrics(shuffled, {test[3], test[1], test[0], test[2]}, GetParam());
  ASSERT_TRUE(a.ok && b.ok);
  EXPECT_EQ(a.bd_rate_pct, b.bd_rate_pct);
  EXPECT_EQ(a.bd_quality, b.bd_quality);
}

INSTANTIATE_TEST_SUITE_P(Methods, EveryMethod,
                         ::testing::Values(BdMethod::kCubic, BdMethod::kPchip, BdMethod::kAkima),
                         [](const auto& info) { return std::string(to_string(info.param)); });

TEST(BdMetrics, TooFewPoints) {
  const std::vector<RdPoint> three(kAnchor.begin(), kAnchor.begin() + 3);
  const BdResult cubic = bd_metrics(three, kAnchor, BdMethod::kCubic);
  EXPECT_FALSE(cubic.ok);
  EXPECT_TRUE(std::isnan(cubic.bd_rate_pct) && std::isnan(cubic.bd_quality));
  EXPECT_NE(cubic.reason.find("the cubic fit needs 4 points with distinct quality; the anchor has 3"),
            std::string::npos)
      << cubic.reason;
  const std::vector<RdPoint> one(kAnchor.begin(), kAnchor.begin() + 1);
  for (BdMethod m : {BdMethod::kPchip, BdMethod::kAkima}) {
    EXPECT_TRUE(bd_metrics(three, kAnchor, m).ok) << to_string(m) << " works from 2 points";
    const BdResult r = bd_metrics(kAnchor, one, m);
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.reason.find(std::string(to_string(m)) + " needs 2 points; the test has 1"), std::string::npos)
        << r.reason;
  }
}

TEST(BdMetrics, TwoPointsAreAStraightLine) {
  // With two points pchip and akima are the chord; half the rate is still exactly -50%.
  const std::vector<RdPoint> anchor = {{100, 30}, {400, 36}};
  const std::vector<RdPoint> test = {{50, 30}, {200, 36}};
  for (BdMethod m : {BdMethod::kPchip, BdMethod::kAkima}) {
    const BdResult r = bd_metrics(anchor, test, m);
    ASSERT_TRUE(r.ok) << r.reason;
    EXPECT_NEAR(r.bd_rate_pct, -50.0, 1e-10);
    // Lines of slope 6 dB per log10(4), one log10(2) apart horizontally: 3 dB apart vertically.
    EXPECT_NEAR(r.bd_quality, 3.0, 1e-12);
  }
}

TEST(BdMetrics, DuplicatedRateIsRefusedByInterpolants) {
  const std::vector<RdPoint> test = {{100, 30.1}, {200, 33.2}, {200, 33.4}, {800, 37.6}};
  const BdResult r = bd_metrics(kAnchor, test, BdMethod::kPchip);
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(std::isnan(r.bd_quality));
  EXPECT_NE(r.reason.find("BD-quality: the test has two points at log10 rate 2.30103"), std::string::npos)
      << r.reason;
  // Quality is still a function that pchip can follow, so BD-rate is kept.
  EXPECT_TRUE(std::isfinite(r.bd_rate_pct));
}

TEST(BdMetrics, NonMonotonicQualityIsRefusedByInterpolantsNotByTheFit) {
  const std::vector<RdPoint> test = {{90, 30.2}, {170, 33.1}, {330, 32.8}, {640, 37.6}, {1000, 38}};
  for (BdMethod m : {BdMethod::kPchip, BdMethod::kAkima}) {
    const BdResult r = bd_metrics(kAnchor, test, m);
    EXPECT_FALSE(r.ok);
    EXPECT_TRUE(std::isnan(r.bd_rate_pct));
    EXPECT_TRUE(std::isfinite(r.bd_quality));
    EXPECT_NE(r.reason.find("the test's quality is not monotonic in the rate"), std::string::npos)
        << r.reason;
  }
  EXPECT_TRUE(bd_metrics(kAnchor, test, BdMethod::kCubic).ok);
}

TEST(BdMetrics, WrongDirectionIsExplained) {
  const BdResult r = bd_metrics(kLpipsAnchor, kLpipsAnchor, BdMethod::kPchip, /*higher_is_better=*/true);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.reason.find("falls as the rate rises (is the metric's direction right?)"), std::string::npos)
      << r.reason;
}

TEST(BdMetrics, CubicIsALeastSquaresFitBeyondFourPoints) {
  // Points on an exact cubic in log-rate: the fit reproduces it, so a test curve shifted by
  // 0.25 dB gives BD-quality 0.25 whatever the number of points.
  std::vector<RdPoint> anchor, test;
  for (int i = 0; i < 7; ++i) {
    const double l = 2 + 0.15 * i;
    const double q = 20 + 8 * l - 0.7 * l * l + 0.05 * l * l * l;
    anchor.push_back({std::pow(10.0, l), q});
    test.push_back({std::pow(10.0, l), q + 0.25});
  }
  const BdResult r = bd_metrics(anchor, test, BdMethod::kCubic);
  ASSERT_TRUE(r.ok) << r.reason;
  EXPECT_NEAR(r.bd_quality, 0.25, 1e-10);
}

TEST(BdMetrics, MethodNames) {
  for (BdMethod m : {BdMethod::kCubic, BdMethod::kPchip, BdMethod::kAkima}) {
    EXPECT_EQ(parse_bd_method(to_string(m)), m);
  }
  EXPECT_FALSE(parse_bd_method("spline").has_value());
  EXPECT_FALSE(parse_bd_method("PCHIP").has_value());
}

}  // namespace
}  // namespace tgvc
