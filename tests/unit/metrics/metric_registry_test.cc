// The metric registry (harness/metrics/registry.cc) equals the metric files: the ids that the
// Metric and PerSetMetric classes under harness/metrics declare (read from the sources) are
// exactly the ids all_metrics() and all_per_set_metrics() return, so a metric written but not
// registered, or registered twice, fails here.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "harness/metrics/metric.h"
#include "harness/metrics/per_set_metric.h"

namespace tgvc {
namespace {

// "class X final : public Metric {" ... "id() const override { return "x"; }", per class.
std::set<std::string> ids_declared_in(const std::string& text) {
  static const std::regex class_start(
      R"(class\s+\w+\s+(?:final\s+)?:\s*public\s+(?:Metric|PerSetMetric)\s*\{)");
  static const std::regex id_line(R"re(std::string\s+id\(\)\s*const\s+override\s*\{\s*return\s*"([^"]+)")re");
  std::set<std::string> ids;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), class_start); it != std::sregex_iterator();
       ++it) {
    const auto body_start = text.begin() + it->position() + it->length();
    const std::size_t next_class = text.find("\nclass ", it->position() + it->length());
    const auto body_end = next_class == std::string::npos ? text.end() : text.begin() + next_class;
    std::smatch id;
    if (std::regex_search(body_start, body_end, id, id_line)) ids.insert(id[1]);
  }
  return ids;
}

std::set<std::string> ids_declared_under(const std::filesystem::path& folder) {
  std::set<std::string> ids;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    const std::string extension = entry.path().extension().string();
    if (!entry.is_regular_file() || (extension != ".h" && extension != ".cc")) continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    for (const std::string& id : ids_declared_in(text.str())) ids.insert(id);
  }
  return ids;
}

TEST(MetricRegistry, ReadsTheIdsOfAMetricClass) {
  EXPECT_EQ(
      ids_declared_in("class A final : public Metric {\n public:\n  std::string id() const override "
                      "{ return \"a\"; }\n};\nclass B : public PerSetMetric {\n  std::string id() const "
                      "override { return \"b\"; }\n};\nclass C : public Other {\n  std::string id() const "
                      "override { return \"c\"; }\n};\n"),
      (std::set<std::string>{"a", "b"}));
}

TEST(MetricRegistry, EqualsTheMetricClassesUnderHarnessMetrics) {
  std::set<std::string> registered;
  for (const Metric* metric : all_metrics()) {
    EXPECT_TRUE(registered.insert(metric->id()).second)
        << "metric id " << metric->id() << " registered twice";
  }
  for (const PerSetMetric* metric : all_per_set_metrics()) {
    EXPECT_TRUE(registered.insert(metric->id()).second)
        << "metric id " << metric->id() << " registered twice";
  }
  const std::set<std::string> declared =
      ids_declared_under(std::filesystem::path(TGVC_SOURCE_DIR) / "harness/metrics");
  EXPECT_THAT(declared,
              ::testing::IsSupersetOf({"psnr", "ssim", "msssim", "trajectory_error", "lpips", "fvd"}));
  EXPECT_EQ(registered, declared);
}

}  // namespace
}  // namespace tgvc
