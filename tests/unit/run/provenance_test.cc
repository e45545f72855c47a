// results.json's provenance names every registered metric with its version, the per-set ones too.
#include <gtest/gtest.h>

#include "harness/metrics/registry.h"
#include "harness/run/provenance.h"

namespace tgvc {
namespace {

TEST(Provenance, ListsEveryMetricsVersionPerSetIncluded) {
  const std::map<std::string, std::string> versions = library_versions();
  for (const MetricEntry& m : all_metrics()) {
    const auto it = versions.find("metric:" + m.descriptor->id);
    ASSERT_NE(it, versions.end()) << m.descriptor->id;
    EXPECT_EQ(it->second, m.descriptor->version);
  }
  ASSERT_EQ(versions.count("metric:fvd"), 1u);
  EXPECT_EQ(versions.at("metric:fvd"), "1");
  EXPECT_EQ(versions.at("metric:trajectory_error"), "2 (tracker dense-flow 1)");
}

}  // namespace
}  // namespace tgvc
