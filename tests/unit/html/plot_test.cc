#include <cmath>
#include <regex>
#include <string>

#include <gtest/gtest.h>

#include "reports/html_plot_axis.h"
#include "reports/html_svg_plot.h"

namespace tgvc {
namespace {

size_t count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

std::vector<std::string> labels(const Axis& axis) {
  std::vector<std::string> out;
  for (const AxisTick& t : axis.ticks) {
    if (!t.label.empty()) out.push_back(t.label);
  }
  return out;
}

TEST(LinearAxis, WidensToNiceStepsAndLabelsThem) {
  const Axis a = linear_axis(0.3, 9.7, 5);
  EXPECT_DOUBLE_EQ(a.low, 0);
  EXPECT_DOUBLE_EQ(a.high, 10);
  EXPECT_EQ(labels(a), (std::vector<std::string>{"0", "2", "4", "6", "8", "10"}));
  EXPECT_DOUBLE_EQ(a.fraction(5), 0.5);

  const Axis b = linear_axis(0.712, 0.893, 5);
  EXPECT_EQ(labels(b), (std::vector<std::string>{"0.70", "0.75", "0.80", "0.85", "0.90"}));

  const Axis c = linear_axis(-0.013, 0.011, 4);  // crosses zero: no "-0.000"
  EXPECT_EQ(labels(c), (std::vector<std::string>{"-0.02", "-0.01", "0.00", "0.01", "0.02"}));
}

TEST(LinearAxis, ZeroWidthRangeIsWidenedAroundItsValue) {
  const Axis a = linear_axis(30, 30, 5);
  EXPECT_LT(a.low, 30);
  EXPECT_GT(a.high, 30);
  const Axis z = linear_axis(0, 0, 5);
  EXPECT_LE(z.low, -1);
  EXPECT_GE(z.high, 1);
}

TEST(LogAxis, DecadesLabelledAndTwoAndFiveWhenFewDecadesShow) {
  const Axis a = log_axis(0.001, 0.1);
  EXPECT_TRUE(a.log);
  EXPECT_EQ(labels(a), (std::vector<std::string>{"0.001", "0.002", "0.005", "0.01", "0.02", "0.05", "0.1"}));
  EXPECT_NEAR(a.fraction(0.01), 0.5, 1e-12);  // symmetric padding in log space
  EXPECT_LT(a.low, 0.001);
  EXPECT_GT(a.high, 0.1);
  const Axis wide = log_axis(1e-4, 10);
  EXPECT_EQ(labels(wide), (std::vector<std::string>{"0.0001", "0.001", "0.01", "0.1", "1", "10"}));
  // 1..9 x 10^k for k = -4..0, then 10, and 7, 8, 9 x 1e-5 inside the padding below 1e-4.
  EXPECT_EQ(wide.ticks.size(), 5u * 9 + 1 + 3);
}

TEST(LogAxis, ChosenOnlyForPositiveRangesWiderThanADecade) {
  EXPECT_TRUE(wants_log_axis(0.001, 0.0101));
  EXPECT_FALSE(wants_log_axis(0.001, 0.0099));
  EXPECT_FALSE(wants_log_axis(0, 1));
  EXPECT_FALSE(wants_log_axis(-1, 100));
}

PlotSpec two_point_spec() {
  PlotSpec spec;
  spec.title = "t";
  spec.x_label = "rate (bpp)";
  spec.y_label = "psnr_y (dB)";
  PlotSeries s;
  s.label = "x265";
  s.color = "#0072b2";
  s.points = {{0, 0, "first", false}, {10, 10, "second", true}};
  spec.series.push_back(s);
  return spec;
}

TEST(SvgLinePlot, PlacesPointsAtTheAxisCornersOfTheirRange) {
  // Plot box: 60 px left margin, 14 right, 28 top, 44 bottom in a 440x280 figure.
  const std::string svg = svg_line_plot(two_point_spec());
  EXPECT_NE(svg.find("<polyline"), std::string::npos);
  EXPECT_NE(svg.find("points=\"60,236 426,28\""), std::string::npos) << svg;
  // Each marker carries its exact numbers (data-x, data-y) beside its pixel position.
  EXPECT_NE(svg.find("cx=\"60\" cy=\"236\" r=\"3.6\" data-x=\"0\" data-y=\"0\" fill=\"#0072b2\""),
            std::string::npos);
  // The partial point is hollow.
  EXPECT_NE(svg.find("cx=\"426\" cy=\"28\" r=\"3.6\" data-x=\"10\" data-y=\"10\" fill=\"#fff\""),
            std::string::npos);
  EXPECT_NE(svg.find("<title>second</title>"), std::string::npos);
  EXPECT_EQ(svg.find("(log scale)"), std::string::npos);
  EXPECT_EQ(count(svg, "<svg"), 1u);
  EXPECT_EQ(svg.rfind("</svg>"), svg.size() - 6);
}

TEST(SvgLinePlot, LogScaleWhenRatesSpanMoreThanADecade) {
  PlotSpec spec = two_point_spec();
  spec.series[0].points = {{0.001, 30, "", false}, {0.1, 40, "", false}};
  const std::string svg = svg_line_plot(spec);
  EXPECT_NE(svg.find("rate (bpp) (log scale)"), std::string::npos);
  EXPECT_NE(svg.find(">0.01</text>"), std::string::npos);
  // 0.001 and 0.1 sit 4% of the log span inside the box ends: 60 + 366 * 0.04 / 1.08.
  EXPECT_NE(svg.find("points=\"73.6,"), std::string::npos) << svg;
}

TEST(SvgLinePlot, EscapesTextAndSaysNoDataWhenEmpty) {
  PlotSpec spec;
  spec.title = "<seq & \"name\">";
  PlotSeries s;
  s.label = "codec<1>";
  s.color = "#000";
  s.points = {{NAN, 1, "", false}};
  spec.series.push_back(s);
  const std::string svg = svg_line_plot(spec);
  EXPECT_EQ(svg.find("<seq"), std::string::npos);
  EXPECT_EQ(svg.find("codec<1>"), std::string::npos);
  EXPECT_NE(svg.find("&lt;seq &amp; &quot;name&quot;&gt;"), std::string::npos);
  EXPECT_NE(svg.find("codec&lt;1&gt;"), std::string::npos);
  EXPECT_NE(svg.find(">no data</text>"), std::string::npos);
}

TEST(SvgLinePlot, LegendWrapsAndGrowsTheFigure) {
  PlotSpec spec = two_point_spec();
  const std::string one = svg_line_plot(spec);
  for (int i = 0; i < 11; ++i) {
    PlotSeries s = spec.series[0];
    s.label = "a long codec label " + std::to_string(i);
    spec.series.push_back(s);
  }
  const std::string many = svg_line_plot(spec);
  EXPECT_NE(one.find("height=\"300\""), std::string::npos);  // 280 + one legend row of 18 + 2
  std::smatch m;
  ASSERT_TRUE(std::regex_search(many, m, std::regex("height=\"([0-9]+)\"")));
  EXPECT_GT(std::stoi(m[1]), 300 + 2 * 18);
  EXPECT_EQ(count(many, "<g class=\"lg\""), 12u);
  EXPECT_EQ(count(many, "<polyline"), 12u);
}

TEST(SvgLinePlot, SeriesWithoutMarkersDrawOnlyTheLine) {
  PlotSpec spec = two_point_spec();
  spec.series[0].marker = MarkerShape::kNone;
  spec.series[0].dashed = true;
  const std::string svg = svg_line_plot(spec);
  EXPECT_EQ(count(svg, "<circle"), 0u);
  EXPECT_EQ(count(svg, "stroke-dasharray"), 2u);  // the line and its legend sample
}

}  // namespace
}  // namespace tgvc
