// The warp generator's parts against constructed inputs whose answer is known: similarity fits,
// camera motion between two renderings of a texture, grouping of tracks into motion instances,
// and an object's support found by photo-consistency.
#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "codecs/tgvc/generate/background_choice.h"
#include "codecs/tgvc/generate/camera_motion.h"
#include "codecs/tgvc/generate/instance_support.h"
#include "codecs/tgvc/generate/motion_instances.h"
#include "codecs/tgvc/generate/similarity_fit.h"
#include "tests/unit/generate/value_noise.h"

namespace tgvc {
namespace {

using generate_test::value_noise;

double texture(double x, double y) {
  return 40 + 120 * value_noise(x, y, 9, 1) + 80 * value_noise(x, y, 31, 2);
}

// A frame whose luma at pixel centre p is `scene(p)`; chroma flat.
template <typename Scene>
Frame render(int width, int height, Scene scene) {
  Frame f = Frame::allocate(width, height, PixelFormat{}, 128);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      f.planes[0].at(x, y) =
          static_cast<uint16_t>(std::lround(std::clamp(scene(x + 0.5, y + 0.5), 0.0, 255.0)));
    }
  }
  return f;
}

TEST(SimilarityFit, RecoversAKnownMotionAndDropsAnOutlier) {
  const double angle = 0.17, scale = 1.08;
  SimilarityMotion truth{scale * std::cos(angle), scale * std::sin(angle), 12.5, -7.25};
  std::vector<PointPair> pairs;
  for (double x : {10.0, 60.0, 35.0, 80.0, 20.0}) {
    for (double y : {15.0, 50.0}) {
      PointPair p{x, y, 0, 0, 1};
      truth.apply(x, y, &p.px, &p.py);
      pairs.push_back(p);
    }
  }
  pairs[3].px += 30;  // one bad track
  const SimilarityMotion fit = fit_similarity(pairs);
  EXPECT_NEAR(fit.a, truth.a, 1e-9);
  EXPECT_NEAR(fit.b, truth.b, 1e-9);
  EXPECT_NEAR(fit.tx, truth.tx, 1e-7);
  EXPECT_NEAR(fit.ty, truth.ty, 1e-7);
  double x = 0, y = 0;
  fit.inverse().apply(pairs[0].px, pairs[0].py, &x, &y);
  EXPECT_NEAR(x, pairs[0].x, 1e-9);
  EXPECT_NEAR(y, pairs[0].y, 1e-9);
  // Points closer together than min_spread: a translation only (the centroid's motion).
  const SimilarityMotion close = fit_similarity({{0, 0, 5, 1, 1}, {4, 0, 9.5, 1.5, 1}});
  EXPECT_EQ(close.a, 1);
  EXPECT_EQ(close.b, 0);
  EXPECT_NEAR(close.tx, 5.25, 1e-12);
  EXPECT_NEAR(close.ty, 1.25, 1e-12);
  // Nothing to fit: the identity.
  EXPECT_EQ(fit_similarity({}).tx, 0);
}

TEST(CameraMotion, FindsThePanAndZoomOfTheBackgroundDespiteAMovingObject) {
  // B shows the scene point at q of A at M q: zoom 2%, a 0.5 degree roll, a pan of (-6.3, 4.6).
  const double m[6] = {1.02 * std::cos(0.009), -1.02 * std::sin(0.009), -6.3,
                       1.02 * std::sin(0.009), 1.02 * std::cos(0.009),  4.6};
  const double det = m[0] * m[4] - m[1] * m[3];
  // An object (a bright disc of radius 24) that moves against the camera: an outlier to the fit.
  const auto disc = [](double x, double y, double cx, double cy) { return std::hypot(x - cx, y - cy) < 24; };
  const Frame a =
      render(384, 256, [&](double x, double y) { return disc(x, y, 120, 110) ? 240.0 : texture(x, y); });
  const Frame b = render(384, 256, [&](double x, double y) {
    if (disc(x, y, 160, 100)) return 240.0;
    const double u = x - m[2], v = y - m[5];
    return texture((m[4] * u - m[1] * v) / det, (-m[3] * u + m[0] * v) / det);
  });
  const CameraMotion camera = estimate_camera_motion(a, b);
  ASSERT_FALSE(camera.identity);
  for (double x : {20.0, 200.0, 360.0}) {
    for (double y : {20.0, 230.0}) {
      double ex = 0, ey = 0;
      camera.apply(x, y, &ex, &ey);
      EXPECT_NEAR(ex, m[0] * x + m[1] * y + m[2], 0.35) << x << "," << y;
      EXPECT_NEAR(ey, m[3] * x + m[4] * y + m[5], 0.35) << x << "," << y;
      // Half way in time the point is half way along its path, and inverse() undoes the motion.
      double ax = 0, ay = 0, bx = 0, by = 0;
      camera.to_keyframes(0.5, 0.5 * (x + ex), 0.5 * (y + ey), &ax, &ay, &bx, &by);
      EXPECT_NEAR(ax, x, 1e-6);
      EXPECT_NEAR(bx, ex, 1e-6);
      camera.inverse().apply(ex, ey, &ax, &ay);
      EXPECT_NEAR(ay, y, 1e-6);
    }
  }
  // The same frame twice: no camera motion.
  EXPECT_TRUE(estimate_camera_motion(a, a).identity);
  // A flat frame supports no model.
  EXPECT_TRUE(estimate_camera_motion(Frame::allocate(384, 256, PixelFormat{}, 90), b).identity);
}

TEST(BackgroundChoice, AgreementAndCameraShareFollowTheColourMatch) {
  const Frame a = render(192, 128, [](double x, double y) { return texture(x, y); });
  // B: the same scene panned by 5 px, except a 40 px wide stripe that changed completely.
  const Frame b = render(192, 128, [](double x, double y) {
    return x >= 100 && x < 140 ? 250 - texture(x, y) : texture(x - 5, y);
  });
  CameraMotion pan;
  pan.identity = false;
  pan.m = {1, 0, 5, 0, 1, 0};
  const FloatImage agreement = keyframe_agreement(a, b, pan);
  const FloatImage share = camera_share(a, b, pan);
  EXPECT_NEAR(agreement.at(40, 60), 1, 1e-6);   // the pan explains it
  EXPECT_NEAR(agreement.at(112, 60), 0, 1e-6);  // moved into the changed stripe
  EXPECT_NEAR(share.at(40, 60), 1, 1e-6);       // follows the camera, not the frame
  EXPECT_NEAR(agreement.at(191, 60), 0, 1e-6);  // its window moved out of B: nothing to agree with
  EXPECT_TRUE(camera_share(a, b, CameraMotion{}).empty());
  // The same frame twice agrees everywhere.
  const FloatImage self = keyframe_agreement(a, a, CameraMotion{});
  EXPECT_EQ(*std::min_element(self.values.begin(), self.values.end()), 1.0f);
}

TrackPath path(double x0, double y0, double vx, double vy, int frames, int first = 0, int last = -1) {
  TrackPath t;
  for (int f = 0; f < frames; ++f) {
    t.x.push_back(x0 + vx * f);
    t.y.push_back(y0 + vy * f);
    t.visible.push_back(f >= first && (last < 0 || f <= last) ? 1 : 0);
  }
  return t;
}

TEST(MotionInstances, TwoObjectsPassingEachOtherStayApartAndAShortTrackJoinsOne) {
  const int frames = 20;
  std::vector<TrackPath> paths;
  // Object 1: four tracks moving (+2, +1) per frame; object 2: four tracks moving (-1.5, 0.5),
  // starting 40 px to the right, so the objects pass each other.
  for (double dx : {0.0, 20.0}) {
    for (double dy : {0.0, 20.0}) paths.push_back(path(100 + dx, 100 + dy, 2, 1, frames));
  }
  for (double dx : {0.0, 20.0}) {
    for (double dy : {0.0, 20.0}) paths.push_back(path(160 + dx, 110 + dy, -1.5, 0.5, frames));
  }
  // Seen for 3 frames between the objects, moving like object 2.
  paths.push_back(path(140, 105, -1.5, 0.5, frames, 0, 2));
  const std::vector<MotionInstance> instances = group_motion_instances(paths, 320, 240);
  ASSERT_EQ(instances.size(), 2u);
  EXPECT_EQ(instances[0].tracks, (std::vector<int>{0, 1, 2, 3}));
  EXPECT_EQ(instances[1].tracks, (std::vector<int>{4, 5, 6, 7, 8}));
  // Each instance's per-frame motion moves its tracks exactly (pure translations here).
  for (int j : {0, 7, 19}) {
    double x = 0, y = 0;
    instances[0].from_a[j].apply(paths[1].x[0], paths[1].y[0], &x, &y);
    EXPECT_NEAR(x, paths[1].x[j], 1e-6);
    EXPECT_NEAR(y, paths[1].y[j], 1e-6);
    instances[1].from_b[j].apply(paths[5].x[19], paths[5].y[19], &x, &y);
    EXPECT_NEAR(x, paths[5].x[j], 1e-6);
    EXPECT_NEAR(instances[1].confidence_b[j], 1.0, 1e-12);
  }
  // Every track of object 1 is visible everywhere; the short track is hidden from frame 3 on.
  EXPECT_EQ(instances[0].hidden_share, 0);
  EXPECT_GT(instances[1].hidden_share, 0.1);
  EXPECT_TRUE(group_motion_instances({}, 320, 240).empty());
}

TEST(InstanceSupport, CoversTheMovingSquareAndNotTheBackground) {
  // A 40x40 textured square at (60, 50) in A and (96, 62) in B over a static background texture.
  const auto scene = [](double sx, double sy) {
    return [sx, sy](double x, double y) {
      const bool inside = x >= sx && x < sx + 40 && y >= sy && y < sy + 40;
      return inside ? 255 - texture(2 * (x - sx), 2 * (y - sy)) : texture(x, y);
    };
  };
  const Frame a = render(224, 160, scene(60, 50));
  const Frame b = render(224, 160, scene(96, 62));
  std::vector<std::pair<double, double>> points;
  for (double u : {10.0, 30.0}) {
    for (double v : {10.0, 30.0}) points.emplace_back(60 + u, 50 + v);
  }
  const SupportMask mask = instance_support(a, b, CameraMotion{}, SimilarityMotion{1, 0, 36, 12}, points);
  double both = 0, either = 0;
  for (int y = 0; y < 160; ++y) {
    for (int x = 0; x < 224; ++x) {
      const bool truth = x >= 60 && x < 100 && y >= 50 && y < 90;
      const bool found = mask.at(x, y) >= 0.5;
      both += truth && found;
      either += truth || found;
    }
  }
  EXPECT_GT(both / either, 0.85);
  const PixelBox box = mask.box();
  EXPECT_GE(box.x0, 60 - 6);
  EXPECT_LE(box.x1, 100 + 6);
  // No points: nothing.
  EXPECT_TRUE(instance_support(a, b, CameraMotion{}, SimilarityMotion{}, {}).box().empty());
}

}  // namespace
}  // namespace tgvc
