// A seeded, deterministic generator of natural-looking video with exact ground-truth motion:
// a textured background under camera motion and textured objects that translate, rotate and
// scale and occlude each other. Used by the demo, the tests and the trajectory-error metric.
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
  int width = 512;
  int height = 320;
  int frame_count = 96;
  Rational fps{30, 1};
};

// Where a scene point is in some frame, and whether it is visible there (inside the frame and
// not hidden by a nearer object).
struct TrackPoint {
  double x = 0;
  double y = 0;
  bool visible = false;
};

const std::vector<std::string>& synthetic_scenes();

class SyntheticSequence {
 public:
  // Throws InputError for an unknown scene or a bad size.
  explicit SyntheticSequence(SyntheticSpec spec);

  const SyntheticSpec& spec() const { return spec_; }

  // 8-bit 4:2:0 BT.709 limited-range frame `index` (0-based, any index >= 0).
  Frame render(int index) const;
  // `count` frames from `first`, with the video's info filled in.
  Video render_range(int first, int count) const;

  // The point seen at pixel (x, y) of frame `from` (pixel centres at integer + 0.5 are not
  // assumed: coordinates are continuous, (0,0) is the top-left corner of the top-left pixel),
  // followed to frame `to`.
  TrackPoint track(double x, double y, int from, int to) const;

 private:
  SyntheticSpec spec_;
  struct Scene;
  std::shared_ptr<const Scene> scene_;
};

}  // namespace tgvc
