// The metrics refuse videos that cannot be compared sample by sample (check_comparable in
// metric_input.cc, plus the per-frame plane checks of metric_input.cc).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/core/error.h"
#include "harness/metrics/metric_input.h"
#include "harness/metrics/registry.h"
#include "tests/unit/metrics/metric_test_util.h"

namespace tgvc {
namespace {

using testing::video_of;

const PixelFormat kYuv420{ChromaFormat::k420, 8, ColourFamily::kYuv};

TEST(CheckComparable, RejectsMismatchedVideos) {
  const Video ref = video_of(64, 48, kYuv420, 2, 16);
  EXPECT_NO_THROW(check_comparable(ref, ref));
  EXPECT_THROW(check_comparable(ref, video_of(48, 64, kYuv420, 2, 16)), InputError);
  EXPECT_THROW(check_comparable(ref, video_of(64, 48, kYuv420, 3, 16)), InputError);
  EXPECT_THROW(check_comparable(ref, video_of(64, 48, {ChromaFormat::k444, 8, ColourFamily::kYuv}, 2, 16)),
               InputError);
  EXPECT_THROW(check_comparable(ref, video_of(64, 48, {ChromaFormat::k420, 10, ColourFamily::kYuv}, 2, 16)),
               InputError);
  try {
    check_comparable(ref, video_of(64, 48, kYuv420, 3, 16));
    ADD_FAILURE() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_THAT(e.found(), ::testing::HasSubstr("3 frames"));
    EXPECT_THAT(e.expected(), ::testing::HasSubstr("2 frames"));
  }
}

TEST(CheckComparable, EveryRegisteredMetricRefusesMismatchedVideos) {
  const Video ref = video_of(64, 48, kYuv420, 2, 16);
  const Video shorter = video_of(64, 48, kYuv420, 1, 16);
  ASSERT_GE(all_metrics().size(), 3u);
  for (const MetricEntry& m : all_metrics()) {
    if (m.plain) {
      EXPECT_THROW(m.plain->compute(ref, shorter, {}), InputError) << m.descriptor->id;
    } else {
      EXPECT_THROW(m.per_set->contribute(ref, shorter, {}), InputError) << m.descriptor->id;
    }
  }
}

TEST(CheckMetricInputs, RejectsPlanesThatDisagreeWithTheGeometry) {
  const Video ref = video_of(64, 48, kYuv420, 2, 16);
  Video bad = ref;
  bad.frames[1].planes[2].samples.pop_back();
  EXPECT_THROW(check_metric_inputs(ref, bad), InputError);
  EXPECT_THROW(check_metric_inputs(bad, ref), InputError);
  Video wrong_chroma = ref;
  wrong_chroma.frames[0].planes[1] = wrong_chroma.frames[0].planes[0];  // 64x48 chroma in 4:2:0
  EXPECT_THROW(check_metric_inputs(wrong_chroma, wrong_chroma), InputError);
  Video deep = video_of(16, 16, {ChromaFormat::k420, 17, ColourFamily::kYuv}, 1, 0);
  EXPECT_THROW(check_metric_inputs(deep, deep), InputError);
  Video rgb420 = video_of(16, 16, {ChromaFormat::k420, 8, ColourFamily::kRgb}, 1, 0);
  EXPECT_THROW(check_metric_inputs(rgb420, rgb420), InputError);
  for (const MetricEntry& m : all_metrics()) {
    if (m.plain) {
      EXPECT_THROW(m.plain->compute(ref, bad, {}), InputError) << m.descriptor->id;
    }
  }
}

TEST(Registry, FindsTheMetricsOfThisFolder) {
  for (const char* id : {"psnr", "ssim", "msssim"}) {
    const MetricEntry* m = find_metric(id);
    ASSERT_NE(m, nullptr) << id;
    ASSERT_NE(m->plain, nullptr) << id;
    EXPECT_EQ(m->plain->id(), id);
    EXPECT_FALSE(m->descriptor->version.empty());
    EXPECT_FALSE(m->descriptor->description.empty());
    for (const ParamSpec& spec : m->descriptor->options) {
      EXPECT_FALSE(spec.help.empty()) << id << "." << spec.key;
      EXPECT_FALSE(check_param_value(spec, spec.default_value).has_value()) << id << "." << spec.key;
    }
  }
}

}  // namespace
}  // namespace tgvc
