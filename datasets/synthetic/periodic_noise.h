// Tileable multi-octave gradient noise, precomputed once per sequence as a square table so that
// frames sample it bilinearly instead of evaluating noise per pixel per frame.
#pragma once

#include <vector>

#include "harness/core/lcg.h"

namespace tgvc {

struct NoiseOctaves {
  int coarsest_cells = 4;    // lattice cells per period in the first octave (>= 1)
  int max_octaves = 16;      // octaves stop earlier when a cell would be under 2 texels
  double persistence = 0.6;  // amplitude ratio between successive octaves
  bool turbulent = false;    // sum |noise| per octave (creases and veins) instead of noise
};

// A size x size table (row-major) of summed periodic gradient noise, normalised to zero mean and
// unit standard deviation. `size` is a power of two; the table wraps seamlessly in x and y.
std::vector<float> periodic_noise(Lcg& rng, int size, const NoiseOctaves& octaves);

}  // namespace tgvc
