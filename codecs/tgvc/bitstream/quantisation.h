// Trajectory quantisation (docs/bitstream.md, "Quantisation"): each axis of the frame is cut
// into cells of `step` pixels (the last one clipped to the frame); a position is coded as the
// index of its cell and decoded as the centre of the (clipped) cell. The default step of 8 is
// the latent grid of the paper's generator.
#pragma once

#include <string>

#include "codecs/tgvc/bitstream/trajectory_set.h"

namespace tgvc {

// The step in 1/16 pixel; InputError (where) unless step is a multiple of 1/16 in [1/16, 64].
int quant_step_sixteenths(double step, const std::string& where);

// One axis of the grid: `extent` pixels cut into cells of step_sixteenths/16 pixels.
class QuantAxis {
 public:
  QuantAxis(int step_sixteenths, int extent);

  int cells() const { return cells_; }
  // Bits of a fixed-length cell index: ceil(log2(cells)), 0 for a single cell.
  int index_bits() const { return index_bits_; }
  // floor(v / step), clamped to [0, cells - 1] (NaN and negative values give 0).
  int index(float v) const;
  // The centre of cell `index` clipped to [0, extent]; exact in float.
  float centre(int index) const;

 private:
  int step_;    // 1/16 pixel
  int extent_;  // pixels
  int cells_;
  int index_bits_;
};

// What a decoder reconstructs from `clip` coded with this step on a width x height frame:
// visible positions moved to their cell centres, visibility as 0/1, invisible positions 0.
// InputError when a track's vectors do not have clip.frames entries or the step is invalid.
ClipTrajectories quantise(const ClipTrajectories& clip, double step, int width, int height);

}  // namespace tgvc
