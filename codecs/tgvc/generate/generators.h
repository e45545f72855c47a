// The decoder's generators: how the frames between two keyframes are made. A decoder choice,
// not part of the bitstream: the same .tgvc decodes with any of them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "codecs/tgvc/bitstream/trajectory_set.h"
#include "harness/core/frame.h"
#include "harness/core/param_table.h"

namespace tgvc {

enum class Generator {
  kBlend,      // "blend": temporal blend of the two keyframes, no guidance (blend_interpolation.h)
  kWarp,       // "warp": trajectory-guided warping of both keyframes (warp_generator.h)
  kDiffusion,  // "diffusion": latent diffusion with trajectory guidance, TorchScript models
};

// The names of the generators (decoder options, the CLI's --generator, the codec's param).
const EnumNames<Generator>& generator_name_table();
const std::vector<std::string>& generator_names();
const std::string& default_generator();

// The generator a name stands for; nothing for another name.
std::optional<Generator> parse_generator(const std::string& name);

// InputError(where, one of the names, generator) unless the name is known.
void check_generator(const std::string& generator, const std::string& where);

// The tracks a generator uses per clip at most. Grouping (warp) compares every pair and guidance
// (diffusion) holds a latent window per track and frame, so a forged file with a million tracks in
// a clip must not hang the decoder or exhaust its memory. The encoder sends at most 15 per kept
// motion instance, a few hundred per clip; beyond this the motion is dense anyway.
inline constexpr size_t kMaxGeneratorTracks = 1024;

// At most `max` of `items`, evenly spaced in their order (the first always kept).
template <typename T>
std::vector<T> keep_evenly_spaced(std::vector<T> items, size_t max) {
  if (items.size() <= max) return items;
  std::vector<T> kept;
  kept.reserve(max);
  for (size_t i = 0; i < max; ++i) kept.push_back(std::move(items[i * items.size() / max]));
  return kept;
}

// What every generator needs of its input: one decoded keyframe per index, all of one size and
// format, increasing indices from 0 to frame_count - 1, and between each two keyframes one clip
// of that many frames whose tracks have a position per frame. InputError naming `where` otherwise.
void check_generator_inputs(const Video& keyframes, const std::vector<int>& indices,
                            const std::vector<ClipTrajectories>& clips, int frame_count,
                            const std::string& where);

}  // namespace tgvc
