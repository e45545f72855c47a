// The trajectory-error metric on real footage (vtest.avi and Megamind.avi from opencv-doc, installed
// by scripts/install-deps.sh): it must rank x265 encodes by their rate and stay near zero for a
// near-lossless one, and its queries must restart after a scene cut. docs/metrics.md quotes the
// numbers printed here.
#if __has_include(<x265.h>)

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "codecs/x265/x265_codec.h"
#include "harness/io/resize.h"
#include "harness/io/video_reader.h"
#include "harness/metrics/trajectory_error_metric.h"

namespace tgvc {
namespace {

const char* const kVtest = "/usr/share/doc/opencv-doc/examples/data/vtest.avi";
const char* const kMegamind = "/usr/share/doc/opencv-doc/examples/data/Megamind.avi";

// `frames` frames of a real clip from `start`, squashed to 256x192 (small enough to keep this fast).
Video small_clip(const char* path, int start, int frames) {
  return resize_video(read_video(path, {start, frames}), 256, 192, ResizeMode::kSquash,
                      ResizeFilter::kBicubic);
}

// vtest.avi seen by a shaking camera: frame k is a 640x480 window whose corner wanders over the
// 768x576 frame (a slow sway plus a fast jitter, even offsets for 4:2:0), squashed to 256x192.
// The whole picture moves, flat floor included: the case where the old tracker lost points and
// scored their drift.
Video handheld_vtest(int frames) {
  const Video full = read_video(kVtest, {0, frames});
  Video moving = full;
  moving.info.width = 640;
  moving.info.height = 480;
  for (int k = 0; k < frames; ++k) {
    const int ox = 2 * static_cast<int>(32 + 28 * std::sin(k / 4.0) + 3 * std::sin(k * 1.7));
    const int oy = 2 * static_cast<int>(24 + 20 * std::sin(k / 6.0) + 2 * std::sin(k * 2.3));
    Frame window = Frame::allocate(640, 480, full.info.format);
    for (int p = 0; p < 3; ++p) {
      const int shift = p == 0 ? 0 : 1;
      Plane& out = window.planes[p];
      for (int y = 0; y < out.height; ++y) {
        for (int x = 0; x < out.width; ++x)
          out.at(x, y) = full.frames[k].planes[p].at(x + (ox >> shift), y + (oy >> shift));
      }
    }
    moving.frames[k] = std::move(window);
  }
  return resize_video(moving, 256, 192, ResizeMode::kSquash, ResizeFilter::kBicubic);
}

Video x265_round_trip(const Video& source, int qp) {
  const X265Codec codec;
  const ParamSet params =
      ParamSet::resolve(codec.param_specs(), {{"qp", std::to_string(qp)}, {"preset", "veryfast"}}, "x265");
  return codec.decode(codec.encode(source, params));
}

const MetricValue& named(const std::vector<MetricValue>& values, const std::string& name) {
  for (const MetricValue& v : values) {
    if (v.name == name) return v;
  }
  static const MetricValue missing = [] {
    MetricValue m;
    m.value = std::nan("");
    m.available = false;
    return m;
  }();
  ADD_FAILURE() << "no value " << name;
  return missing;
}

double largest(const std::vector<double>& values) {
  double most = 0;
  for (double v : values) {
    if (std::isfinite(v)) most = std::max(most, v);
  }
  return most;
}

std::vector<MetricValue> measure(const Video& source, const Video& decoded) {
  const TrajectoryErrorMetric metric;
  return metric.compute(source, decoded, ParamSet::resolve(metric.param_specs(), {}, "trajectory_error"));
}

// Near-lossless, medium and low rate: the scores must fall (and the error grow) with the rate, and
// no single lost point may dominate the mean (the old tracker-and-score let one drift by 1,463 px).
void expect_ranked_by_rate(const Video& source, const char* label) {
  double previous_delta = 2, previous_error = -1;
  for (int qp : {4, 32, 48}) {
    const std::vector<MetricValue> values = measure(source, x265_round_trip(source, qp));
    const MetricValue& delta = named(values, "trajectory_delta_avg");
    const MetricValue& error = named(values, "trajectory_error");
    std::printf(
        "[ %s 256x192x24 ] x265 qp %d: delta_avg %.4f, end-point error %.3f px (median %.3f, "
        "within 1/2/4/8/16 px %.4f %.4f %.4f %.4f %.4f, followed %.4f, worst frame mean %.3f px)\n",
        label, qp, delta.value, error.value, named(values, "trajectory_error_median").value,
        named(values, "trajectory_within_1px").value, named(values, "trajectory_within_2px").value,
        named(values, "trajectory_within_4px").value, named(values, "trajectory_within_8px").value,
        named(values, "trajectory_within_16px").value, named(values, "trajectory_followed_share").value,
        largest(error.per_frame));
    ASSERT_TRUE(delta.available && error.available) << label << " qp " << qp;
    EXPECT_LT(delta.value, previous_delta) << label << " qp " << qp;
    EXPECT_GT(error.value, previous_error) << label << " qp " << qp;
    EXPECT_LT(largest(error.per_frame), 3.0) << label << " qp " << qp;
    if (qp == 4) {
      EXPECT_LT(error.value, 0.25);
      EXPECT_GT(delta.value, 0.97);
    }
    previous_delta = delta.value;
    previous_error = error.value;
  }
  EXPECT_LT(previous_delta, 0.95);  // qp 48 visibly moves points
}

TEST(TrajectoryErrorRealFootage, RanksX265RatePointsOnVtest) {
  expect_ranked_by_rate(small_clip(kVtest, 0, 24), "vtest");
}

TEST(TrajectoryErrorRealFootage, RanksX265RatePointsOnAShakingCamera) {
  expect_ranked_by_rate(handheld_vtest(24), "handheld vtest");
}

// Two real scenes back to back: the cut is found on the source, the lattice restarts on its first
// frame (so that frame, a query frame, is not scored while both scenes' other frames are), and no
// point is followed from one scene into the other: a decoded video whose second scene is replaced
// by a frozen copy of its first frame loses only in the second scene.
TEST(TrajectoryErrorRealFootage, RestartsQueriesAfterASceneCut) {
  const Video first = small_clip(kVtest, 0, 12);
  const Video second = small_clip(kMegamind, 100, 12);
  Video clip = first;
  clip.frames.insert(clip.frames.end(), second.frames.begin(), second.frames.end());

  const std::vector<MetricValue> same = measure(clip, clip);
  const MetricValue& delta = named(same, "trajectory_delta_avg");
  EXPECT_NE(delta.convention.find("scene cuts before frames 12)"), std::string::npos) << delta.convention;
  ASSERT_EQ(delta.per_frame.size(), 24u);
  for (int f = 0; f < 24; ++f) {
    if (f == 0 || f == 12) {
      EXPECT_TRUE(std::isnan(delta.per_frame[f])) << "frame " << f;
    } else {
      EXPECT_EQ(delta.per_frame[f], 1.0) << "frame " << f;  // points on both sides of the cut
    }
  }

  Video frozen = clip;
  for (int f = 13; f < 24; ++f) frozen.frames[f] = clip.frames[12];
  const std::vector<MetricValue> frozen_values = measure(clip, frozen);
  const MetricValue& frozen_delta = named(frozen_values, "trajectory_delta_avg");
  for (int f = 1; f < 12; ++f) EXPECT_EQ(frozen_delta.per_frame[f], 1.0) << "frame " << f;
  double second_scene = 0;
  for (int f = 13; f < 24; ++f) second_scene += frozen_delta.per_frame[f] / 11;
  EXPECT_LT(second_scene, 0.9);
}

}  // namespace
}  // namespace tgvc

#endif  // __has_include(<x265.h>)
