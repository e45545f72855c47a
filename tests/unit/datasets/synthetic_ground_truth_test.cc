// The generator's motion ground truth checked against its own pixels: content found at
// track(p) in a later frame must be the content that was at p.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <complex>
#include <vector>

#include "datasets/synthetic/synthetic_sequence.h"
#include "harness/core/lcg.h"
#include "tests/unit/datasets/synthetic_test_util.h"

namespace tgvc {
namespace {

using testing::luma_at;

constexpr int kWidth = 320;
constexpr int kHeight = 192;
constexpr int kPatchRadius = 2;  // 5x5 samples one pixel apart

SyntheticSpec spec_for(const std::string& scene, uint32_t seed = 7) {
  SyntheticSpec spec;
  spec.scene = scene;
  spec.seed = seed;
  spec.width = kWidth;
  spec.height = kHeight;
  spec.frame_count = 60;
  return spec;
}

bool inside(double x, double y) {
  return x >= 0 && x < kWidth && y >= 0 && y < kHeight;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

// Patch comparison for one source point: each patch sample is tracked on its own, so rotation
// and scale of the layer are followed too. `shift` displaces the tracked samples in `to`.
double patch_difference(const SyntheticSequence& seq, const Frame& from_frame, const Frame& to_frame,
                        double x, double y, int from, int to, double shift_x, double shift_y,
                        bool* all_visible) {
  double sum = 0;
  int n = 0;
  *all_visible = true;
  for (int dy = -kPatchRadius; dy <= kPatchRadius; ++dy) {
    for (int dx = -kPatchRadius; dx <= kPatchRadius; ++dx) {
      const TrackPoint q = seq.track(x + dx, y + dy, from, to);
      *all_visible = *all_visible && q.visible && inside(x + dx, y + dy);
      sum += std::abs(luma_at(from_frame, x + dx, y + dy) - luma_at(to_frame, q.x + shift_x, q.y + shift_y));
      ++n;
    }
  }
  return sum / n;
}

struct PatchScores {
  std::vector<double> tracked;  // MAD at the tracked position
  std::vector<double> offset;   // smallest MAD among 2.5 px offsets from it
};

PatchScores score_visible_points(const SyntheticSequence& seq, int from, int to) {
  const Frame a = seq.render(from);
  const Frame b = seq.render(to);
  PatchScores scores;
  for (double y = 6.3; y < kHeight - 6; y += 9.7) {
    for (double x = 5.6; x < kWidth - 6; x += 11.3) {
      bool visible = false;
      const double tracked = patch_difference(seq, a, b, x, y, from, to, 0, 0, &visible);
      if (!visible) continue;
      double offset = 1e9;
      for (const auto& [sx, sy] : {std::pair{2.5, 0.0}, {-2.5, 0.0}, {0.0, 2.5}, {0.0, -2.5}}) {
        bool unused = false;
        offset = std::min(offset, patch_difference(seq, a, b, x, y, from, to, sx, sy, &unused));
      }
      scores.tracked.push_back(tracked);
      scores.offset.push_back(offset);
    }
  }
  return scores;
}

TEST(SyntheticGroundTruth, TrackedPatchesMatchFarBetterThanOffsetOnes) {
  const std::vector<std::pair<int, int>> pairs = {{0, 6}, {4, 19}, {30, 12}};
  for (const char* scene : {"orbit", "crossing"}) {
    for (uint32_t seed : {7u, 8u}) {
      const SyntheticSequence seq(spec_for(scene, seed));
      for (const auto& [from, to] : pairs) {
        const PatchScores s = score_visible_points(seq, from, to);
        ASSERT_GT(s.tracked.size(), 200u) << scene << " " << from << "->" << to;
        size_t better = 0;
        for (size_t i = 0; i < s.tracked.size(); ++i) better += s.tracked[i] < 0.5 * s.offset[i];
        const double tracked = median(s.tracked), offset = median(s.offset);
        SCOPED_TRACE(::testing::Message() << scene << " seed " << seed << " " << from << "->" << to
                                          << ": median MAD tracked " << tracked << ", offset " << offset);
        EXPECT_LT(tracked, 1.5);
        EXPECT_LT(tracked, 0.25 * offset);
        EXPECT_GT(static_cast<double>(better) / s.tracked.size(), 0.9);
      }
    }
  }
}

TEST(SyntheticGroundTruth, StaticSceneMatchesExactly) {
  const SyntheticSequence seq(spec_for("static"));
  const PatchScores s = score_visible_points(seq, 0, 25);
  ASSERT_GT(s.tracked.size(), 400u);
  // Nothing moves: the tracked samples land on the same places (to rounding) and the same pixels.
  EXPECT_LT(*std::max_element(s.tracked.begin(), s.tracked.end()), 1e-6);
  EXPECT_GT(median(s.offset), 1.0);
}

TEST(SyntheticGroundTruth, TrackingToTheSameFrameIsTheIdentity) {
  for (const std::string& scene : synthetic_scenes()) {
    const SyntheticSequence seq(spec_for(scene));
    for (int f : {0, 13, 59}) {
      for (double y = 0.25; y < kHeight; y += 7.9) {
        for (double x = 0.4; x < kWidth; x += 8.3) {
          const TrackPoint p = seq.track(x, y, f, f);
          EXPECT_NEAR(p.x, x, 1e-9);
          EXPECT_NEAR(p.y, y, 1e-9);
          EXPECT_TRUE(p.visible) << scene << " frame " << f << " at " << x << "," << y;
        }
      }
    }
  }
}

TEST(SyntheticGroundTruth, TracksComposeThroughAnIntermediateFrame) {
  for (const char* scene : {"orbit", "crossing"}) {
    const SyntheticSequence seq(spec_for(scene));
    for (const auto& [f, g, h] : {std::tuple{0, 9, 23}, {20, 5, 41}, {33, 34, 2}}) {
      int checked = 0;
      for (double y = 1.1; y < kHeight; y += 6.1) {
        for (double x = 0.7; x < kWidth; x += 6.7) {
          const TrackPoint mid = seq.track(x, y, f, g);
          if (!mid.visible) continue;  // from g a hidden point would be read on its occluder
          const TrackPoint two_steps = seq.track(mid.x, mid.y, g, h);
          const TrackPoint direct = seq.track(x, y, f, h);
          EXPECT_NEAR(two_steps.x, direct.x, 1e-9);
          EXPECT_NEAR(two_steps.y, direct.y, 1e-9);
          EXPECT_EQ(two_steps.visible, direct.visible);
          ++checked;
        }
      }
      EXPECT_GT(checked, 500) << scene;
    }
  }
}

// The similarity z' = a z + b through two correspondences, in complex form.
struct ComplexSimilarity {
  std::complex<double> a, b;
  std::complex<double> operator()(std::complex<double> z) const { return a * z + b; }
};

TEST(SyntheticGroundTruth, BackgroundCoveredByAnObjectIsNotVisible) {
  const SyntheticSequence seq(spec_for("orbit"));
  const Frame first = seq.render(0);
  // Grid points of frame 0 with their tracks to frame g.
  std::vector<std::complex<double>> from;
  for (double y = 4.5; y < kHeight; y += 8) {
    for (double x = 4.5; x < kWidth; x += 8) from.emplace_back(x, y);
  }
  int covered_total = 0;
  std::vector<double> covered_mad, visible_mad;
  for (int g = 6; g <= 54; g += 8) {
    std::vector<std::complex<double>> to;
    std::vector<bool> visible;
    for (const auto& z : from) {
      const TrackPoint q = seq.track(z.real(), z.imag(), 0, g);
      to.emplace_back(q.x, q.y);
      visible.push_back(q.visible);
    }
    // The camera moves the background by one similarity shared by most points; find it from
    // point pairs (RANSAC with a fixed seed) without asking the generator which layer is which.
    Lcg rng(99);
    size_t best_inliers = 0;
    ComplexSimilarity camera{};
    for (int trial = 0; trial < 200; ++trial) {
      const size_t i = rng.next() % from.size(), j = rng.next() % from.size();
      if (std::abs(from[i] - from[j]) < 20) continue;
      const std::complex<double> a = (to[i] - to[j]) / (from[i] - from[j]);
      const ComplexSimilarity s{a, to[i] - a * from[i]};
      size_t inliers = 0;
      for (size_t k = 0; k < from.size(); ++k) inliers += std::abs(s(from[k]) - to[k]) < 1e-6;
      if (inliers > best_inliers) best_inliers = inliers, camera = s;
    }
    ASSERT_GT(best_inliers, from.size() / 2) << "frame " << g;
    const Frame later = seq.render(g);
    for (size_t k = 0; k < from.size(); ++k) {
      const std::complex<double> q = camera(from[k]);
      if (std::abs(q - to[k]) > 1e-6 || !inside(q.real(), q.imag())) continue;  // not background here
      // Same content expected where visible, something else where covered.
      double mad = 0;
      for (int dy = -2; dy <= 2; ++dy) {
        for (int dx = -2; dx <= 2; ++dx) {
          const std::complex<double> d(dx, dy);
          const std::complex<double> qd = camera(from[k] + d);
          mad += std::abs(luma_at(first, from[k].real() + dx, from[k].imag() + dy) -
                          luma_at(later, qd.real(), qd.imag())) /
                 25;
        }
      }
      if (visible[k]) {
        visible_mad.push_back(mad);
        continue;
      }
      ++covered_total;
      covered_mad.push_back(mad);
      // Starting from that place in frame g follows the object in front, not the background.
      const TrackPoint back = seq.track(q.real(), q.imag(), g, 0);
      EXPECT_GT(std::hypot(back.x - from[k].real(), back.y - from[k].imag()), 1.0);
    }
  }
  ASSERT_GT(covered_total, 20);
  SCOPED_TRACE(::testing::Message() << "median MAD visible " << median(visible_mad) << ", covered "
                                    << median(covered_mad));
  EXPECT_LT(median(visible_mad), 1.5);
  EXPECT_GT(median(covered_mad), 6 * median(visible_mad) + 3);
}

TEST(SyntheticGroundTruth, ObjectsLeaveAndEnterTheFrame) {
  // Crossing objects travel at least 0.15 * min(width, height) px/s: after 5 s some points of
  // frame 0 are outside the frame (not visible), and some points of frame 150 came from outside.
  const SyntheticSequence seq(spec_for("crossing"));
  int left = 0, entered = 0;
  for (double y = 2.5; y < kHeight; y += 5) {
    for (double x = 2.5; x < kWidth; x += 5) {
      const TrackPoint later = seq.track(x, y, 0, 150);
      if (!inside(later.x, later.y)) {
        EXPECT_FALSE(later.visible);
        ++left;
      }
      const TrackPoint earlier = seq.track(x, y, 150, 0);
      entered += !inside(earlier.x, earlier.y);
    }
  }
  EXPECT_GT(left, 10);
  EXPECT_GT(entered, 10);
}

}  // namespace
}  // namespace tgvc
