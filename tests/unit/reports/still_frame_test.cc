// The still rule (nearest the median, lowest index on a tie) and the main-metric order the report
// and the runner share.
#include "reports/still_frame.h"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "harness/metrics/registry.h"
#include "reports/main_metrics.h"

namespace tgvc {
namespace {

MetricValue per_frame(const std::string& name, std::vector<double> frames) {
  MetricValue v;
  v.name = name;
  v.per_frame = std::move(frames);
  v.value = 0;
  return v;
}

TEST(StillFrame, NearestTheMedianWithTheLowestIndexOnATie) {
  double median = 0;
  // Odd count: the median is a value; a keyframe-like spike at index 1 is not chosen.
  EXPECT_EQ(median_frame_index({30, 40, 31, 29, 32}, &median), 2);
  EXPECT_EQ(median, 31);
  // Even count: the mean of the middle two (31 and 33 -> 32); 31 and 33 tie, the lower index wins.
  EXPECT_EQ(median_frame_index({33, 40, 31, 29}, &median), 0);
  EXPECT_EQ(median, 32);
  EXPECT_EQ(median_frame_index({40, 31, 33, 29}), 1);
  // Equal values: frame 0.
  EXPECT_EQ(median_frame_index({5, 5, 5}), 0);
  // Non-finite frames (a lossless frame's infinite PSNR) neither count nor get chosen.
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(median_frame_index({inf, 10, std::nan(""), 12, 11}, &median), 4);
  EXPECT_EQ(median, 11);
  EXPECT_EQ(median_frame_index({}), -1);
  EXPECT_EQ(median_frame_index({std::nan("")}), -1);
}

TEST(StillFrame, TheReportsFirstMainMetricChooses) {
  const std::vector<MetricValue> values = {per_frame("msssim_y", {0.9, 0.5, 0.8}),
                                           per_frame("psnr_y", {30, 20, 40}), per_frame("psnr_u", {1, 2, 3})};
  StillChoice c = choose_still_frame(values, {}, {});
  EXPECT_EQ(c.metric, "psnr_y");  // a main metric before msssim_y, which is not one
  EXPECT_EQ(c.frame, 0);
  EXPECT_EQ(c.median, 30);
  // The config's report.metrics decide when given.
  c = choose_still_frame(values, {}, {"msssim_y"});
  EXPECT_EQ(c.metric, "msssim_y");
  EXPECT_EQ(c.frame, 2);
  // A headline counts as a main metric, after the table's.
  c = choose_still_frame({per_frame("psnr_u", {1, 2, 3}), per_frame("trajectory_error", {3, 9, 1})},
                         {"trajectory_error"}, {});
  EXPECT_EQ(c.metric, "trajectory_error");
  EXPECT_EQ(c.frame, 0);
  // Without per-frame values nothing is chosen (the runner then saves the middle frame).
  MetricValue mean_only;
  mean_only.name = "psnr_y";
  mean_only.value = 30;
  c = choose_still_frame({mean_only}, {}, {});
  EXPECT_EQ(c.frame, -1);
  EXPECT_EQ(c.metric, "");
}

TEST(MainMetrics, TheDescriptorsMainValuesInRegistryOrder) {
  std::vector<std::string> main;
  for (const MetricEntry& m : all_metrics()) {
    for (const ValueSpec& spec : m.descriptor->values) {
      if (spec.main) main.push_back(spec.name);
    }
  }
  // The report's columns: a change here changes every report (the golden test guards it too).
  EXPECT_EQ(main, (std::vector<std::string>{"psnr_y", "psnr_rgb", "msssim_rgb", "lpips_alex", "lpips_vgg",
                                            "dists", "clipsim"}));
  for (size_t i = 0; i < main.size(); ++i) EXPECT_EQ(main_metric_rank(main[i], false), static_cast<int>(i));
}

TEST(MainMetrics, MainValuesThenHeadlinesInRunOrder) {
  EXPECT_EQ(order_main_metrics({"trajectory_error", "lpips_vgg", "psnr_u", "lpips_alex", "clipsim", "psnr_y",
                                "ssim_y", "trajectory_within_1px", "msssim_rgb", "psnr_rgb"},
                               {"trajectory_error", "ssim_y", "psnr_y"}),
            (std::vector<std::string>{"psnr_y", "psnr_rgb", "msssim_rgb", "lpips_alex", "lpips_vgg",
                                      "clipsim", "trajectory_error", "ssim_y"}));
  EXPECT_EQ(main_metric_rank("dists", false), 5);
  EXPECT_EQ(main_metric_rank("clipsim", false), 6);
  EXPECT_EQ(main_metric_rank("trajectory_error", false), -1);
  EXPECT_EQ(main_metric_rank("trajectory_error", true), 7);
  EXPECT_EQ(main_metric_rank("msssim_y", false), -1);  // main only as the headline it is
}

TEST(StillFrame, SourceFileNamesAreFileSafe) {
  EXPECT_EQ(still_source_file("hevc b", "Seq/1", 7), "sources/hevc_b__Seq_1__frame7.png");
}

}  // namespace
}  // namespace tgvc
