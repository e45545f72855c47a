// Frames to the networks' input and back: RGB in [0, 1] (sample / max, float32), padded to the
// export's multiple the way its family's own evaluation pads (learned_network.h, Padding), and
// the reconstruction cropped, clamped to [0, 1], rounded to the source's depth and converted
// back to its format.
#pragma once

#include "harness/core/frame.h"
#include "harness/torch/api/learned_network.h"

namespace tgvc::learned {

// The smallest multiple of `multiple` at or above `size`.
int padded_size(int size, int multiple);

// The frame (YUV with `colour`, or RGB) as 3 x H' x W' RGB planes, H' and W' padded.
Planes frame_to_planes(const Frame& frame, ColourSpec colour, Padding padding, int multiple);

// The `width` x `height` picture inside `image` (as frame_to_planes placed it) in `format`.
Frame planes_to_frame(const Planes& image, int width, int height, Padding padding, PixelFormat format,
                      ColourSpec colour);

}  // namespace tgvc::learned
