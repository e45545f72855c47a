#include "codecs/tgvc/generate/generators.h"

#include "harness/core/error.h"

namespace tgvc {

const EnumNames<Generator>& generator_name_table() {
  static const EnumNames<Generator> names = {
      {Generator::kBlend, "blend"}, {Generator::kWarp, "warp"}, {Generator::kDiffusion, "diffusion"}};
  return names;
}

const std::vector<std::string>& generator_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& entry : generator_name_table()) out.push_back(entry.second);
    return out;
  }();
  return names;
}

std::optional<Generator> parse_generator(const std::string& name) {
  for (const auto& [generator, text] : generator_name_table()) {
    if (text == name) return generator;
  }
  return std::nullopt;
}

const std::string& default_generator() {
  static const std::string name = "warp";  // beats blend at the same bitstream (docs/tgvc.md, "Generators")
  return name;
}

void check_generator(const std::string& generator, const std::string& where) {
  if (!parse_generator(generator)) {
    throw InputError(where, "a generator: blend, warp or diffusion", "'" + generator + "'");
  }
}

namespace {

bool same_layout(const Frame& a, const Frame& b) {
  if (!(a.format == b.format)) return false;
  for (int p = 0; p < 3; ++p) {
    if (a.planes[p].width != b.planes[p].width || a.planes[p].height != b.planes[p].height ||
        a.planes[p].samples.size() != static_cast<size_t>(a.planes[p].width) * a.planes[p].height ||
        b.planes[p].samples.size() != a.planes[p].samples.size()) {
      return false;
    }
  }
  return a.width() > 0 && a.height() > 0;
}

}  // namespace

void check_generator_inputs(const Video& keyframes, const std::vector<int>& indices,
                            const std::vector<ClipTrajectories>& clips, int frame_count,
                            const std::string& where) {
  if (indices.empty() || keyframes.frame_count() != static_cast<int>(indices.size())) {
    throw InputError(where + " keyframes",
                     std::to_string(indices.size()) + " decoded keyframes (one per index)",
                     std::to_string(keyframes.frame_count()));
  }
  if (clips.size() + 1 != indices.size()) {
    throw InputError(where + " clips", std::to_string(indices.size() - 1) + " clips",
                     std::to_string(clips.size()));
  }
  if (indices.front() != 0 || indices.back() != frame_count - 1) {
    throw InputError(where + " keyframe indices", "first 0 and last " + std::to_string(frame_count - 1),
                     std::to_string(indices.front()) + " .. " + std::to_string(indices.back()));
  }
  for (const Frame& f : keyframes.frames) {
    if (!same_layout(f, keyframes.frames.front())) {
      throw InputError(where + " keyframes", "keyframes of one size and format", "keyframes that differ");
    }
  }
  for (size_t c = 0; c < clips.size(); ++c) {
    const int frames = indices[c + 1] - indices[c] + 1;
    if (frames < 2 || clips[c].frames != frames) {
      throw InputError(where + " clip " + std::to_string(c),
                       std::to_string(frames) + " frames (increasing keyframes)",
                       std::to_string(clips[c].frames));
    }
    for (const CodedTrack& t : clips[c].tracks) {
      if (t.x.size() != static_cast<size_t>(frames) || t.y.size() != t.x.size() ||
          t.visible.size() != t.x.size()) {
        throw InputError(where + " clip " + std::to_string(c) + " track",
                         std::to_string(frames) + " positions", std::to_string(t.x.size()));
      }
    }
  }
}

}  // namespace tgvc
