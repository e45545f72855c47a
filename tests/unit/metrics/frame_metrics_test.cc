// Per-frame metrics through their accumulators: fed one frame pair at a time, in any order and from
// several threads, they give the values of compute() on the whole clips, bit for bit; each frame's
// value is that of the frame measured alone, and the sequence value the mean of those.
#include "harness/metrics/frame_metrics.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "harness/core/colour.h"
#include "harness/core/error.h"
#include "harness/core/lcg.h"
#include "harness/metrics/frame_pair.h"
#include "harness/metrics/msssim_metric.h"
#include "harness/metrics/psnr_metric.h"
#include "tests/unit/metrics/metric_test_util.h"

namespace tgvc::testing {
namespace {

// A smooth moving gradient plus seeded noise; `noise` 0 gives the clean reference.
Video random_video(PixelFormat format, int frames, int noise, uint32_t seed) {
  Video v = video_of(192, 176, format, frames, 0, {Matrix::kBt601, Range::kLimited});
  Lcg lcg(seed);
  const int max = (1 << format.bit_depth) - 1;
  for (int f = 0; f < frames; ++f) {
    for (int p = 0; p < 3; ++p) {
      Plane& plane = v.frames[f].planes[p];
      for (int y = 0; y < plane.height; ++y) {
        for (int x = 0; x < plane.width; ++x) {
          const int base = ((x + 3 * f) * 5 + y * 3 + p * 40) % (max + 1);
          const int jitter = noise == 0 ? 0 : static_cast<int>(lcg.next() % (2 * noise + 1)) - noise;
          plane.at(x, y) = static_cast<uint16_t>(std::clamp(base + jitter, 0, max));
        }
      }
    }
  }
  return v;
}

Video frame_of(const Video& video, int f) {
  Video one;
  one.info = video.info;
  one.frames = {video.frames[f]};
  return one;
}

void expect_same(const std::vector<MetricValue>& a, const std::vector<MetricValue>& b,
                 const std::string& what) {
  ASSERT_EQ(names_of(a), names_of(b)) << what;
  for (size_t i = 0; i < a.size(); ++i) {
    const std::string where = what + " " + a[i].name;
    EXPECT_TRUE(a[i].value == b[i].value || (std::isnan(a[i].value) && std::isnan(b[i].value))) << where;
    EXPECT_EQ(a[i].per_frame, b[i].per_frame) << where;
    EXPECT_EQ(a[i].convention, b[i].convention) << where;
    EXPECT_EQ(a[i].available, b[i].available) << where;
    EXPECT_EQ(a[i].reason, b[i].reason) << where;
  }
}

struct Case {
  const Metric* metric;
  std::map<std::string, std::string> options;
};

std::vector<Case> cases() {
  static const PsnrMetric psnr;
  static const SsimMetric ssim;
  static const MsssimMetric msssim;
  return {{&psnr, {}},
          {&psnr, {{"extra_yuv", "true"}}},
          {&ssim, {{"colour", "y"}}},
          {&ssim, {}},
          {&msssim, {}},
          {&msssim, {{"convention", "dcvc"}, {"colour", "y"}}}};
}

const PixelFormat kFormats[] = {{ChromaFormat::k420, 8, ColourFamily::kYuv},
                                {ChromaFormat::k444, 10, ColourFamily::kYuv},
                                {ChromaFormat::k444, 8, ColourFamily::kRgb}};

TEST(FrameMetrics, FramesInAnyOrderAndThreadCountGiveTheWholeClipValues) {
  for (const PixelFormat& format : kFormats) {
    const Video ref = random_video(format, 5, 0, 1);
    const Video dist = random_video(format, 5, 6, 2);
    std::vector<FrameMetricRequest> requests;
    for (const Case& c : cases()) requests.push_back({c.metric, options_for(*c.metric, c.options)});
    const auto serial = compute_frame_metrics(ref, dist, requests, 1);
    const auto parallel = compute_frame_metrics(ref, dist, requests, 4);
    FrameMetrics backwards(ref.info, dist.info, requests);
    for (int f = ref.frame_count() - 1; f >= 0; --f) backwards.add(f, ref.frames[f], dist.frames[f]);
    const auto reversed = backwards.finish();
    for (size_t i = 0; i < requests.size(); ++i) {
      const std::string what = requests[i].metric->id() + " case " + std::to_string(i) + " " +
                               (format.family == ColourFamily::kRgb ? "rgb" : "yuv");
      // compute() alone, without the other metrics sharing the pair's colour forms.
      const auto alone = requests[i].metric->compute(ref, dist, requests[i].options);
      expect_same(serial[i], alone, what + " shared vs alone");
      expect_same(parallel[i], alone, what + " 4 threads");
      expect_same(reversed[i], alone, what + " frames backwards");
    }
  }
}

TEST(FrameMetrics, EachFramesValueIsTheFrameMeasuredAloneAndTheMeanIsTheirs) {
  const PixelFormat format{ChromaFormat::k420, 8, ColourFamily::kYuv};
  const Video ref = random_video(format, 4, 0, 3);
  const Video dist = random_video(format, 4, 9, 4);
  for (const Case& c : cases()) {
    const ParamSet options = options_for(*c.metric, c.options);
    const std::vector<MetricValue> whole = c.metric->compute(ref, dist, options);
    for (const MetricValue& v : whole) {
      if (v.per_frame.empty()) continue;  // _msepool values have no per-frame form
      ASSERT_EQ(v.per_frame.size(), 4u) << v.name;
      double sum = 0;
      for (int f = 0; f < 4; ++f) {
        const auto single = c.metric->compute(frame_of(ref, f), frame_of(dist, f), options);
        EXPECT_EQ(v.per_frame[f], value_named(single, v.name).value) << v.name << " frame " << f;
        sum += v.per_frame[f];
      }
      // psnr_yuv_hm is the PSNR of the mean weighted MSE (docs/metrics.md); the others a mean.
      if (v.name != "psnr_yuv_hm") {
        EXPECT_DOUBLE_EQ(v.value, sum / 4) << v.name;
      }
    }
  }
}

TEST(FramePair, ConvertsOnceAndReusedStorageHoldsTheNewFrame) {
  const PixelFormat format{ChromaFormat::k420, 8, ColourFamily::kYuv};
  const Video a = random_video(format, 2, 5, 7);
  const Video b = random_video(format, 2, 5, 8);
  FramePair::Storage storage;
  {
    const FramePair first(a.frames[0], b.frames[0], a.info, b.info, &storage);
    const Frame& rgb = first.ref_rgb();
    EXPECT_EQ(&rgb, &first.ref_rgb());          // one conversion per pair
    EXPECT_EQ(&first.ref_yuv(), &a.frames[0]);  // YUV frames are their own YUV form
    EXPECT_EQ(rgb.planes[1].samples, yuv_to_rgb(a.frames[0], a.info.colour).planes[1].samples);
  }
  const FramePair second(a.frames[1], b.frames[1], a.info, b.info, &storage);
  EXPECT_EQ(second.ref_rgb().planes[0].samples, yuv_to_rgb(a.frames[1], a.info.colour).planes[0].samples);
  EXPECT_EQ(second.dist_rgb().planes[2].samples, yuv_to_rgb(b.frames[1], b.info.colour).planes[2].samples);
}

TEST(FrameMetrics, RefusesClipsOfDifferentFormats) {
  const Video ref = random_video({ChromaFormat::k420, 8, ColourFamily::kYuv}, 1, 0, 1);
  const Video dist = random_video({ChromaFormat::k444, 8, ColourFamily::kYuv}, 1, 0, 1);
  static const PsnrMetric psnr;
  EXPECT_THROW(FrameMetrics(ref.info, dist.info, {{&psnr, options_for(psnr, {})}}), InputError);
}

}  // namespace
}  // namespace tgvc::testing
