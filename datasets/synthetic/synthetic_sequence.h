// A seeded, deterministic generator of natural-looking video with exact ground-truth motion:
// a textured background under camera motion and textured objects that translate, rotate and
// scale and occlude each other. Used by the demo, the tests and the trajectory-error metric.
//
// Scenes (synthetic_scenes()):
//   orbit     3-6 objects circle the frame centre on tilted ellipses (the wider ones leave the
//             frame and come back) while spinning and slowly changing size; the camera pans
//             slowly with a little zoom and roll.
//   crossing  3-6 objects cross the frame on straight paths with a small sideways wobble,
//             entering and leaving at different times; the camera zooms slightly (a few percent
//             over the first seconds) with a small drift.
//   static    the same kind of layout with no motion at all: every frame is identical.
// Object paths are in frame coordinates (the camera moves the background only); sizes and speeds
// scale with min(width, height). The seed fixes the textures, shapes, colours and depth order
// (the same for every scene kind) and the paths. Motion is defined in seconds, so frame k shows
// time k / fps. Textures are tables one texel per pixel that repeat every 2048 px at most (only
// frames wider or taller than 1024 px can show a repeat).
//
// Ground truth: every layer (background or object) is a texture mapped to the screen by a
// similarity transform that is a closed-form function of time. Pixel (i, j) is the area
// [i, i+1) x [j, j+1) and its value is the scene at its centre (i + 0.5, j + 0.5), with edges
// anti-aliased over about one pixel. track() maps a continuous point through the layer that is
// topmost there (the nearest object whose outline contains it, else the background) and is exact
// to floating-point rounding; visibility means inside the frame and not covered by a nearer
// object's outline.
//
// Determinism: everything follows from (scene, seed, width, height, fps) through tgvc::Lcg; the
// same spec renders byte-identical frames on any run or thread, and frame k does not depend on
// which frames were rendered before.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "harness/core/frame.h"

namespace tgvc {

struct SyntheticSpec {
  std::string scene = "orbit";  // motion preset; synthetic_scenes() lists them
  uint32_t seed = 1;
  int width = 512;       // even, 16..8192
  int height = 320;      // even, 16..8192
  int frame_count = 96;  // >= 1; the length render_range callers usually ask for
  Rational fps{30, 1};   // num > 0 and den > 0
};

// Where a scene point is in some frame, and whether it is visible there (inside the frame and
// not hidden by a nearer object).
struct TrackPoint {
  double x = 0;
  double y = 0;
  bool visible = false;
};

// "orbit", "crossing", "static".
const std::vector<std::string>& synthetic_scenes();

class SyntheticSequence {
 public:
  // Throws InputError for an unknown scene ("synthetic scene") or a bad width, height,
  // frame_count or fps ("synthetic <field>"). Draws the textures (tens of milliseconds).
  explicit SyntheticSequence(SyntheticSpec spec);

  const SyntheticSpec& spec() const { return spec_; }

  // 8-bit 4:2:0 BT.709 limited-range frame `index` (0-based, any index >= 0; InputError if < 0).
  Frame render(int index) const;
  // `count` frames from `first`, with the video's info filled in (count >= 0).
  Video render_range(int first, int count) const;

  // The point seen at (x, y) in frame `from` (continuous coordinates: (0,0) is the top-left
  // corner of the top-left pixel, so pixel (i, j) has its centre at (i+0.5, j+0.5)), followed to
  // frame `to`. visible: the point lies inside the frame in `to` and its layer is the topmost
  // there. Frame indices follow render(); any finite (x, y) is accepted.
  TrackPoint track(double x, double y, int from, int to) const;

 private:
  double time_of(int index) const;

  SyntheticSpec spec_;
  struct Scene;
  std::shared_ptr<const Scene> scene_;
};

}  // namespace tgvc
