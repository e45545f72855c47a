// FVD: clip extraction, both preprocessing protocols and the detector call, checked against
// features computed by hand for a detector whose features are known (per-channel statistics of
// solid-colour frames); then the set statistics and distance.
#include <gtest/gtest.h>

#include <ATen/Parallel.h>

#include <cmath>

#include "harness/core/error.h"
#include "harness/core/lcg.h"
#include "harness/torch/metrics/fvd_compute.h"
#include "tests/unit/learned/learned_test_util.h"

namespace tgvc {
namespace {

using learned_test::solid_video;

constexpr int kClip = 4;

// Per-frame colours from a seeded LCG: `frames` frames of (r, g, b).
std::vector<std::array<int, 3>> colours(uint32_t seed, int frames) {
  Lcg rng(seed);
  std::vector<std::array<int, 3>> out(static_cast<size_t>(frames));
  for (auto& c : out)
    c = {static_cast<int>(rng.next() % 256), static_cast<int>(rng.next() % 256),
         static_cast<int>(rng.next() % 256)};
  return out;
}

// The detector's features of one clip of solid frames, in double: per channel the mean of
// v / 127.5 - 1 over the clip, its square, and the (N - 1) standard deviation over T x H x W.
std::vector<double> hand_features(const std::vector<std::array<int, 3>>& clip, int area) {
  std::vector<double> mean(3), sq(3), sd(3);
  const double count = static_cast<double>(clip.size()) * area;
  for (int c = 0; c < 3; ++c) {
    for (const auto& frame : clip) mean[c] += frame[c] / 127.5 - 1;
    mean[c] /= static_cast<double>(clip.size());
    double ss = 0;
    for (const auto& frame : clip) ss += area * std::pow(frame[c] / 127.5 - 1 - mean[c], 2);
    sd[c] = std::sqrt(ss / (count - 1));
    sq[c] = mean[c] * mean[c];
  }
  std::vector<double> f = mean;
  f.insert(f.end(), sq.begin(), sq.end());
  f.insert(f.end(), sd.begin(), sd.end());
  return f;
}

ParamSet fvd_options(const std::string& protocol, int batch = 2) {
  ParamSet p;
  p.set("protocol", protocol);
  p.set("clip_length", std::to_string(kClip));
  p.set("clip_stride", "0");
  p.set("covariance", "protocol");
  p.set("device", "cpu");
  p.set("batch", std::to_string(batch));
  return p;
}

class FvdTest : public ::testing::Test {
 protected:
  void SetUp() override {
    learned_test::save_channel_statistics_detector(dir_.file("detector.pt"));
    detector_ = learned_test::model_file(dir_.file("detector.pt"), "i3d-test");
  }
  learned_test::ScratchDir dir_;
  ModelFile detector_;
};

TEST(ClipStarts, BackToBackOverlappingAndTooShort) {
  EXPECT_EQ(clip_starts(96, 16, 16), (std::vector<int>{0, 16, 32, 48, 64, 80}));
  EXPECT_EQ(clip_starts(40, 16, 8), (std::vector<int>{0, 8, 16, 24}));
  EXPECT_TRUE(clip_starts(15, 16, 16).empty());
  EXPECT_EQ(clip_starts(16, 16, 16), (std::vector<int>{0}));
}

TEST_F(FvdTest, FeaturesMatchTheHandComputationUnderBothProtocols) {
  const auto ref_colours = colours(1, 3 * kClip + 1);  // three clips and one spare frame
  const auto dist_colours = colours(2, 3 * kClip + 1);
  const Video ref = solid_video(32, 24, ref_colours), dist = solid_video(32, 24, dist_colours);
  for (const std::string protocol : {"stylegan-v", "common-metrics"}) {
    const SetContribution c = fvd_contribution(ref, dist, fvd_options(protocol), detector_);
    ASSERT_TRUE(c.available) << c.reason;
    EXPECT_EQ(c.clips, 3);
    EXPECT_EQ(c.dims, 9);
    EXPECT_NE(c.method.find(protocol), std::string::npos) << c.method;
    // Detector input area after its resize: 32x32 (stylegan-v, inside the detector) or 224x224.
    const int area = protocol == "stylegan-v" ? 32 * 32 : 224 * 224;
    for (int k = 0; k < 3; ++k) {
      const std::vector<std::array<int, 3>> rc(ref_colours.begin() + k * kClip,
                                               ref_colours.begin() + (k + 1) * kClip);
      const std::vector<std::array<int, 3>> dc(dist_colours.begin() + k * kClip,
                                               dist_colours.begin() + (k + 1) * kClip);
      const std::vector<double> want_r = hand_features(rc, area), want_d = hand_features(dc, area);
      for (int d = 0; d < 9; ++d) {
        EXPECT_NEAR(c.reference[k * 9 + d], want_r[d], 2e-6) << protocol << " clip " << k << " feature " << d;
        EXPECT_NEAR(c.distorted[k * 9 + d], want_d[d], 2e-6) << protocol << " clip " << k << " feature " << d;
      }
    }
  }
}

// Four sequences of four clips: enough clips for full-rank 9-d covariances.
std::vector<SetContribution> four_sequences(const ModelFile& detector, const std::string& protocol,
                                            int batch = 2) {
  std::vector<SetContribution> cells;
  for (uint32_t s = 0; s < 4; ++s) {
    const Video ref = solid_video(32, 24, colours(10 + s, 4 * kClip));
    const Video dist = solid_video(32, 24, colours(20 + s, 4 * kClip));
    cells.push_back(fvd_contribution(ref, dist, fvd_options(protocol, batch), detector));
  }
  return cells;
}

TEST_F(FvdTest, SetDistanceIsTheFrechetDistanceOfTheFeatures) {
  for (const std::string protocol : {"stylegan-v", "common-metrics"}) {
    const std::vector<SetContribution> cells = four_sequences(detector_, protocol);
    const std::vector<MetricValue> v = fvd_finish(cells, fvd_options(protocol));
    ASSERT_EQ(v.size(), 2u);
    EXPECT_EQ(v[0].name, "fvd");
    EXPECT_EQ(v[1].name, "fvd_clips");
    EXPECT_EQ(v[1].value, 16.0);
    std::vector<double> ref, dist;
    for (const SetContribution& c : cells) {
      ref.insert(ref.end(), c.reference.begin(), c.reference.end());
      dist.insert(dist.end(), c.distorted.begin(), c.distorted.end());
    }
    const Covariance cov = protocol == "stylegan-v" ? Covariance::kBiased : Covariance::kUnbiased;
    const double want =
        frechet_distance(gaussian_stats(ref, 16, 9, cov), gaussian_stats(dist, 16, 9, cov)).distance;
    EXPECT_NEAR(v[0].value, want, 1e-12 * want) << protocol;
    EXPECT_GT(v[0].value, 0.01);  // different colours: clearly not zero
    EXPECT_NE(v[0].convention.find("N=16 clips"), std::string::npos) << v[0].convention;
    EXPECT_NE(v[0].convention.find(protocol == "stylegan-v" ? "divided by N)" : "divided by N-1)"),
              std::string::npos)
        << v[0].convention;
    EXPECT_EQ(v[0].convention.find("WARNING"), std::string::npos);  // 16 clips > 9 dims
  }
}

TEST_F(FvdTest, IdenticalSymmetricBatchAndThreadIndependent) {
  std::vector<SetContribution> cells = four_sequences(detector_, "stylegan-v");
  const double ab = fvd_finish(cells, fvd_options("stylegan-v"))[0].value;
  std::vector<SetContribution> swapped = cells, same = cells;
  for (SetContribution& c : swapped) std::swap(c.reference, c.distorted);
  for (SetContribution& c : same) c.distorted = c.reference;
  EXPECT_NEAR(fvd_finish(swapped, fvd_options("stylegan-v"))[0].value, ab, 1e-9 * ab);
  EXPECT_NEAR(fvd_finish(same, fvd_options("stylegan-v"))[0].value, 0.0, 1e-9);
  const std::vector<SetContribution> one_by_one = four_sequences(detector_, "stylegan-v", 1);
  EXPECT_NEAR(fvd_finish(one_by_one, fvd_options("stylegan-v"))[0].value, ab, 1e-9 * ab);
  const int threads = at::get_num_threads();
  at::set_num_threads(1);
  const std::vector<SetContribution> single = four_sequences(detector_, "stylegan-v");
  const double one = fvd_finish(single, fvd_options("stylegan-v"))[0].value;
  at::set_num_threads(threads);
  EXPECT_NEAR(one, ab, 1e-9 * ab);
}

TEST_F(FvdTest, TooFewClipsWarnOrAreNotAvailable) {
  const Video shorter = solid_video(32, 24, colours(3, kClip - 1));
  SetContribution none = fvd_contribution(shorter, shorter, fvd_options("stylegan-v"), detector_);
  EXPECT_TRUE(none.available);
  EXPECT_EQ(none.clips, 0);
  std::vector<MetricValue> v = fvd_finish({none}, fvd_options("stylegan-v"));
  EXPECT_FALSE(v[0].available);
  EXPECT_NE(v[0].reason.find("needs at least 2"), std::string::npos) << v[0].reason;
  // Two clips: a value, with the warning that 2 clips cannot fill 9 dimensions.
  const Video two = solid_video(32, 24, colours(4, 2 * kClip));
  v = fvd_finish({fvd_contribution(two, solid_video(32, 24, colours(5, 2 * kClip)), fvd_options("stylegan-v"),
                                   detector_)},
                 fvd_options("stylegan-v"));
  ASSERT_TRUE(v[0].available);
  EXPECT_NE(v[0].convention.find("WARNING: N=2 < 9"), std::string::npos) << v[0].convention;
}

TEST_F(FvdTest, MissingDetectorAndMixedSetsAreReported) {
  const Video video = solid_video(32, 24, colours(6, kClip));
  ModelFile missing = detector_;
  missing.path = dir_.file("absent.pt");
  const SetContribution c = fvd_contribution(video, video, fvd_options("stylegan-v"), missing);
  EXPECT_FALSE(c.available);
  EXPECT_NE(c.reason.find("missing: run `tgvc-bench models fetch i3d-test`"), std::string::npos) << c.reason;
  const std::vector<MetricValue> v = fvd_finish({c}, fvd_options("stylegan-v"));
  EXPECT_FALSE(v[0].available);
  EXPECT_EQ(v[0].reason, c.reason);
  std::vector<SetContribution> mixed = four_sequences(detector_, "stylegan-v");
  mixed.push_back(four_sequences(detector_, "common-metrics")[0]);
  EXPECT_THROW(fvd_finish(mixed, fvd_options("stylegan-v")), InputError);
}

TEST_F(FvdTest, DetectorsThatRefuseTheInputGiveInputErrors) {
  // A detector that requires 224x224 frames, called the stylegan-v way with resize=False... is
  // emulated by a tower-shaped model: the wrong signature is an InputError naming the file.
  learned_test::save_mean_colour_tower(dir_.file("tower.pt"), 32);
  const Video video = solid_video(32, 24, colours(7, kClip));
  EXPECT_THROW(fvd_contribution(video, video, fvd_options("stylegan-v"),
                                learned_test::model_file(dir_.file("tower.pt"))),
               InputError);
}

}  // namespace
}  // namespace tgvc
