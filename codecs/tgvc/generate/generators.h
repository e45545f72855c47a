// The decoder's generators: how the frames between two keyframes are made. A decoder choice,
// not part of the bitstream: the same .tgvc decodes with any of them.
#pragma once

#include <string>
#include <vector>

#include "codecs/tgvc/bitstream/trajectory_set.h"
#include "harness/core/frame.h"

namespace tgvc {

// "blend": temporal blend of the two keyframes, no guidance (blend_interpolation.h).
// "warp": trajectory-guided warping of both keyframes (warp_generator.h).
// "diffusion": latent diffusion with trajectory guidance, TorchScript models (diffusion_generator.h).
const std::vector<std::string>& generator_names();
const std::string& default_generator();

// InputError(where, one of the names, generator) unless the name is known.
void check_generator(const std::string& generator, const std::string& where);

// What every generator needs of its input: one decoded keyframe per index, all of one size and
// format, increasing indices from 0 to frame_count - 1, and between each two keyframes one clip
// of that many frames whose tracks have a position per frame. InputError naming `where` otherwise.
void check_generator_inputs(const Video& keyframes, const std::vector<int>& indices,
                            const std::vector<ClipTrajectories>& clips, int frame_count,
                            const std::string& where);

}  // namespace tgvc
