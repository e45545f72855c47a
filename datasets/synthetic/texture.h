// Tileable RGB texture tables for the background and the objects, sampled bilinearly.
#pragma once

#include <vector>

#include "harness/core/lcg.h"

namespace tgvc {

struct Rgb {
  double r = 0;
  double g = 0;
  double b = 0;
};

// A periodic square RGB table; texel (i, j) covers [i, i+1) x [j, j+1) with its centre at +0.5.
class Texture {
 public:
  // `size` is a power of two; the texture starts black.
  explicit Texture(int size);

  int size() const { return size_; }
  void set(int x, int y, Rgb c);
  // Bilinear sample at continuous texture coordinates; any finite (u, v) wraps around.
  Rgb sample(double u, double v) const;

 private:
  int size_;
  std::vector<float> rgb_;  // interleaved, row-major
};

// A natural-looking ground texture (structure from about size/4 texels down to 2 texels) in a
// palette drawn from `rng`.
Texture background_texture(Lcg& rng, int size);

// An object's surface: mottled, striped or spotted, in its own colours, with fine detail.
Texture object_texture(Lcg& rng, int size);

}  // namespace tgvc
