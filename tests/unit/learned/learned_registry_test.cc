// The learned metrics as every program sees them: registered, described without LibTorch, n/a with
// the fixing command when a model is missing, and computed through the dlopen-ed library.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>

#include "harness/core/error.h"
#include "harness/metrics/learned/api/backend_loader.h"
#include "harness/metrics/learned_metrics.h"
#include "harness/metrics/registry.h"
#include "tests/unit/learned/learned_test_util.h"

namespace tgvc {
namespace {

using ::testing::HasSubstr;

// An empty models directory for the test's lifetime.
class EmptyModels : public ::testing::Test {
 protected:
  void SetUp() override { ::setenv("TGVC_MODELS_DIR", dir_.path().c_str(), 1); }
  void TearDown() override { ::unsetenv("TGVC_MODELS_DIR"); }
  learned_test::ScratchDir dir_;
};

ParamSet with(std::map<std::string, std::string> values, const Metric& m) {
  return ParamSet::resolve(m.param_specs(), values, m.id());
}

TEST(LearnedRegistry, ListsTheLearnedMetrics) {
  for (const char* id : {"lpips", "clipsim"}) {
    const Metric* m = find_metric(id) ? find_metric(id)->plain : nullptr;
    ASSERT_NE(m, nullptr) << id;
    EXPECT_FALSE(m->descriptor().description.empty());
    for (const ParamSpec& s : m->param_specs()) {
      EXPECT_FALSE(s.help.empty()) << id << "." << s.key;
      if (!s.default_value.empty()) {
        EXPECT_FALSE(check_param_value(s, s.default_value).has_value()) << s.key;
      }
    }
  }
  const PerSetMetric* fvd = find_metric("fvd")->per_set;
  ASSERT_NE(fvd, nullptr);
  EXPECT_EQ(fvd->descriptor().values.size(), 2u);
  EXPECT_EQ(value_spec(fvd->descriptor(), "fvd_clips").unit, "clips");
  EXPECT_EQ(find_metric("lpips")->per_set, nullptr);
}

TEST_F(EmptyModels, MissingModelsGiveTheFixingCommand) {
  const auto [ref, dist] = learned_test::fixture_videos();
  const Metric& lpips = *find_metric("lpips")->plain;
  std::vector<MetricValue> v = lpips.compute(ref, dist, {});
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].name, "lpips_alex");
  EXPECT_FALSE(v[0].available);
  EXPECT_EQ(v[0].reason, "model 'lpips-alex-backbone' missing: run `tgvc-bench models fetch lpips-alex`");
  v = lpips.compute(ref, dist, with({{"net", "vgg"}}, lpips));
  EXPECT_EQ(v[0].name, "lpips_vgg");
  EXPECT_EQ(v[0].reason, "model 'lpips-vgg-backbone' missing: run `tgvc-bench models fetch lpips-vgg`");
  v = find_metric("clipsim")->plain->compute(ref, dist, {});
  EXPECT_THAT(v[0].reason,
              HasSubstr("model 'openclip-vit-h-14-image' missing: run `tgvc-bench models fetch clipsim`"));
  const PerSetMetric& fvd = *find_metric("fvd")->per_set;
  const SetContribution c = fvd.contribute(ref, dist, {});
  EXPECT_FALSE(c.available);
  EXPECT_EQ(c.metric, "fvd");
  EXPECT_EQ(c.reason, "model 'i3d-kinetics400' missing: run `tgvc-bench models fetch fvd`");
  const std::vector<MetricValue> set = fvd.finish({c, c}, {});
  ASSERT_EQ(set.size(), 2u);
  EXPECT_FALSE(set[0].available);
  EXPECT_EQ(set[0].reason, c.reason);
  EXPECT_EQ(set[1].name, "fvd_clips");  // the descriptor's names and units, also when n/a
  EXPECT_EQ(set[1].unit, "clips");
}

TEST_F(EmptyModels, ModelsOfTheWrongDigestAreNotUsed) {
  // A file where the manifest's AlexNet should be, with other bytes.
  std::ofstream(dir_.file("alexnet-owt-7be5be79.pth")) << "not the published file";
  const auto [ref, dist] = learned_test::fixture_videos();
  const std::vector<MetricValue> v = find_metric("lpips")->plain->compute(ref, dist, {});
  EXPECT_FALSE(v[0].available);
  EXPECT_THAT(v[0].reason, HasSubstr("expected 7be5be791159"));
  EXPECT_THAT(v[0].reason, HasSubstr("tgvc-bench models fetch lpips-alex"));
}

TEST(LearnedRegistry, ComputesThroughTheLoadedLibrary) {
  ASSERT_NE(learned_backend().backend, nullptr) << learned_backend().error;
  EXPECT_THAT(learned_backend_status(), HasSubstr("LibTorch"));
  const auto [ref, dist] = learned_test::fixture_videos();
  const Metric& lpips = *find_metric("lpips")->plain;
  const std::vector<MetricValue> v =
      lpips.compute(ref, dist, with({{"model_file", learned_test::fixture("alexnet_zip.pth")}}, lpips));
  ASSERT_TRUE(v[0].available) << v[0].reason;
  const nlohmann::json want = learned_test::expected()["lpips_alex"];
  for (size_t f = 0; f < 3; ++f)
    EXPECT_NEAR(v[0].per_frame[f], want[f].get<double>(), 2e-4 * want[f].get<double>());

  const learned_test::ScratchDir dir;
  learned_test::save_channel_statistics_detector(dir.file("detector.pt"));
  const PerSetMetric& fvd = *find_metric("fvd")->per_set;
  const ParamSet options = ParamSet::resolve(
      fvd.param_specs(), {{"model_file", dir.file("detector.pt")}, {"clip_length", "2"}}, "fvd");
  const SetContribution c = fvd.contribute(ref, dist, options);  // 3 frames: one 2-frame clip
  ASSERT_TRUE(c.available) << c.reason;
  EXPECT_EQ(c.clips, 1);
  EXPECT_EQ(c.version, fvd.version());
  const std::vector<MetricValue> set = fvd.finish({c, c, c}, options);
  ASSERT_TRUE(set[0].available) << set[0].reason;
  EXPECT_EQ(set[1].value, 3.0);
  SetContribution old = c;
  old.version = "0";
  EXPECT_THROW(fvd.finish({c, old}, options), InputError);
}

TEST(LearnedRegistry, RefusesIncomparableVideosBeforeAnythingElse) {
  const auto [ref, dist] = learned_test::fixture_videos();
  Video shorter = dist;
  shorter.frames.pop_back();
  EXPECT_THROW(find_metric("lpips")->plain->compute(ref, shorter, {}), InputError);
  EXPECT_THROW(find_metric("clipsim")->plain->compute(ref, shorter, {}), InputError);
  EXPECT_THROW(find_metric("fvd")->per_set->contribute(ref, shorter, {}), InputError);
  const Metric& lpips = *find_metric("lpips")->plain;
  EXPECT_THROW(lpips.compute(ref, dist, with({{"net", "squeeze"}}, lpips)), InputError);
}

}  // namespace
}  // namespace tgvc
