// Configs the fuzzer (tests/fuzz/config_fuzzer.cc) showed the loader did not refuse cleanly: a
// non-scalar mapping key threw yaml-cpp's conversion error instead of InputError, and a product
// sweep of a few long lists expanded without bound. Each must be an InputError naming its place.
#include <string>

#include <gtest/gtest.h>

#include "harness/config/experiment.h"
#include "harness/config/rate_points.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

std::string error_of(const std::string& text) {
  try {
    parse_experiment(text, "exp.yaml");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

std::string config(const std::string& codecs, const std::string& rest = "") {
  return "experiment: t\ndatasets: [{synthetic: {name: a}}]\ncodecs: " + codecs + "\n" + rest;
}

TEST(ConfigHostile, NonScalarKeysAreInputErrors) {
  const struct {
    std::string text;
    std::string where;
  } cases[] = {
      {"experiment: t\n[a]: b\n", "exp.yaml:2:1: the config"},
      {config("[{type: raw, params: {{a: b}: 1}}]"), "exp.yaml:3:31: codecs[0].params"},
      {config("[{type: raw, sweep: {[q]: [1]}}]"), "exp.yaml:3:30: codecs[0].sweep"},
      {config("[{type: raw}]", "metrics: [{[psnr]: {}}]\n"), "exp.yaml:4:12: metrics[0]"},
      {config("[{type: raw}]", "metrics: [{psnr: {[rgb]: true}}]\n"), "exp.yaml:4:19: metrics[0].psnr"},
      {config("[{type: raw}]", "report: {metrics: [[psnr_y]]}\n"),
       "exp.yaml:4:20: report.metrics: expected a value name"},
  };
  for (const auto& c : cases) {
    const std::string error = error_of(c.text);
    EXPECT_EQ(error.rfind(c.where, 0), 0u) << c.text << "\n-> " << error;
    const bool named =
        error.find("a scalar key") != std::string::npos || error.find("a value name") != std::string::npos;
    EXPECT_TRUE(named) << error;
  }
}

std::string list(int from, int to) {
  std::string out = "[";
  for (int v = from; v <= to; ++v) out += (v > from ? ", " : "") + std::to_string(v);
  return out + "]";
}

TEST(ConfigHostile, ProductSweepIsBounded) {
  // 52 x 192 = 9984 points are built; 52 x 193 = 10036 are refused before any is.
  const std::string within =
      config("[{type: x265, sweep: {qp: " + list(0, 51) + ", keyint: " + list(1, 192) + "}}]");
  EXPECT_EQ(parse_experiment(within, "exp.yaml").codecs[0].rate_points.size(), 9984u);
  const std::string beyond =
      error_of(config("[{type: x265, sweep: {qp: " + list(0, 51) + ", keyint: " + list(1, 193) + "}}]"));
  EXPECT_EQ(beyond.rfind("exp.yaml:3:30: codecs[0].sweep: expected at most 10000 rate points per codec", 0),
            0u)
      << beyond;
  // Keys are checked before the product is built: nine unknown axes of ten values (10^9 points)
  // used to be expanded first.
  std::string axes;
  for (int a = 0; a < 9; ++a) axes += (a ? ", a" : "a") + std::to_string(a) + ": " + list(0, 9);
  const std::string unknown = error_of(config("[{type: x265, sweep: {" + axes + "}}]"));
  EXPECT_NE(unknown.find("unknown key 'a0'"), std::string::npos) << unknown;
}

}  // namespace
}  // namespace tgvc
