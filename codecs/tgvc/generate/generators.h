// The decoder's generators: how the frames between two keyframes are made. A decoder choice,
// not part of the bitstream: the same .tgvc decodes with any of them.
#pragma once

#include <string>
#include <vector>

namespace tgvc {

// "blend": temporal blend of the two keyframes, no guidance (blend_interpolation.h).
// "warp": trajectory-guided warping of both keyframes (warp_generator.h).
// "diffusion": latent diffusion with trajectory guidance, TorchScript models (diffusion_generator.h).
const std::vector<std::string>& generator_names();
const std::string& default_generator();

// InputError(where, one of the names, generator) unless the name is known.
void check_generator(const std::string& generator, const std::string& where);

}  // namespace tgvc
