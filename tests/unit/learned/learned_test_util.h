// Helpers of the learned-metric tests: the seeded video pair that make_fixtures.py also builds,
// fixture paths, temporary directories, and small TorchScript models written from C++
// (torch::jit::Module::define + save, then loaded back through the code under test).
#pragma once

#include <stdlib.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <torch/script.h>
#include <nlohmann/json.hpp>

#include "harness/core/frame.h"
#include "harness/core/lcg.h"
#include "harness/core/sha256.h"
#include "harness/core/temp_dir.h"
#include "harness/torch/api/learned_backend.h"

namespace tgvc::learned_test {

#ifdef TGVC_LEARNED_FIXTURES  // unit_learned (the benchmarks have no fixtures)
inline std::string fixture(const std::string& name) {
  return std::string(TGVC_LEARNED_FIXTURES) + "/" + name;
}

inline nlohmann::json expected() {
  std::ifstream in(fixture("expected.json"));
  return nlohmann::json::parse(in);
}

inline nlohmann::json reference_vectors() {
  std::ifstream in(std::string(TGVC_TEST_DATA_DIR) + "/vectors.json");
  return nlohmann::json::parse(in);
}
#endif

inline Video rgb_video(int width, int height, int frames) {
  Video v;
  v.info.width = width;
  v.info.height = height;
  v.info.format = {ChromaFormat::k444, 8, ColourFamily::kRgb};
  for (int f = 0; f < frames; ++f) v.frames.push_back(Frame::allocate(width, height, v.info.format));
  return v;
}

// make_fixtures.py's pair (video_pair): RGB, textured reference and a noisy copy; by default
// 64x48, 3 frames.
inline std::pair<Video, Video> fixture_videos(int w = 64, int h = 48, int frames = 3) {
  Video ref = rgb_video(w, h, frames), dist = rgb_video(w, h, frames);
  for (int f = 0; f < frames; ++f) {
    Lcg r1(1000 + f), r2(2000 + f);
    for (int c = 0; c < 3; ++c) {
      for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
          const int v = static_cast<int>((37 * x + 23 * y + 61 * c + 19 * f + r1.next() % 64) % 256);
          const int d = std::min(255, std::max(0, v + static_cast<int>(r2.next() % 41) - 20));
          ref.frames[f].planes[c].at(x, y) = static_cast<uint16_t>(v);
          dist.frames[f].planes[c].at(x, y) = static_cast<uint16_t>(d);
        }
      }
    }
  }
  return {ref, dist};
}

// Frames of one colour each: colours[f] = {r, g, b}.
inline Video solid_video(int width, int height, const std::vector<std::array<int, 3>>& colours) {
  Video v = rgb_video(width, height, static_cast<int>(colours.size()));
  for (size_t f = 0; f < colours.size(); ++f) {
    for (int c = 0; c < 3; ++c) {
      for (uint16_t& s : v.frames[f].planes[c].samples) s = static_cast<uint16_t>(colours[f][c]);
    }
  }
  return v;
}

// A fresh directory under $TMPDIR (harness/core's TempDir), removed with its files when the
// object goes.
class ScratchDir : public TempDir {
 public:
  ScratchDir() : TempDir("tgvc-learned-") {}
};

// A model file given by path, with its real digest as the expected one.
inline ModelFile model_file(const std::string& path, const std::string& name = "test-model") {
  ModelFile m;
  m.name = name;
  m.path = path;
  m.sha256 = sha256_file(path);
  m.fetch = "tgvc-bench models fetch " + name;
  return m;
}

// A CLIP-like image tower: the embedding of an image is its mean normalised colour. It checks the
// input size against its image_size attribute, so a wrong preprocessing fails loudly.
inline void save_mean_colour_tower(const std::string& path, int64_t image_size, bool with_attributes = true) {
  torch::jit::Module m("__torch__.MeanColourTower");
  m.register_attribute("expected_size", c10::IntType::get(), image_size);
  if (with_attributes) {
    m.register_attribute("image_size", c10::IntType::get(), image_size);
    m.register_attribute("image_mean", c10::ListType::ofFloats(), c10::List<double>({0.5, 0.25, 0.125}));
    m.register_attribute("image_std", c10::ListType::ofFloats(), c10::List<double>({0.5, 0.5, 0.25}));
  }
  m.define(R"(
def forward(self, x: Tensor) -> Tensor:
    assert x.size(1) == 3 and x.size(2) == self.expected_size and x.size(3) == self.expected_size
    return x.mean(dim=[2, 3])
)");
  m.save(path);
}

// An I3D-like detector with the StyleGAN-V file's call signature. Features per clip: the mean of
// each channel, their squares and the per-channel standard deviation (9 values), in [-1, 1]
// units. With rescale it expects 8-bit values; without resize it requires 224x224 frames.
inline void save_channel_statistics_detector(const std::string& path, int64_t resize_to = 32) {
  torch::jit::Module m("__torch__.ChannelStatisticsDetector");
  m.register_attribute("resize_to", c10::IntType::get(), resize_to);
  m.define(R"(
def forward(self, x: Tensor, rescale: bool = False, resize: bool = False, return_features: bool = False) -> Tensor:
    assert x.dim() == 5 and x.size(1) == 3
    if rescale:
        assert not x.is_floating_point()
        x = x.float() / 127.5 - 1.0
    else:
        assert x.is_floating_point()
        assert bool(x.min() >= -1.0) and bool(x.max() <= 1.0)
    if resize:
        x = torch.upsample_trilinear3d(x, [x.size(2), self.resize_to, self.resize_to], False, None, None, None)
    else:
        assert x.size(3) == 224 and x.size(4) == 224
    m = x.mean(dim=[2, 3, 4])
    f = torch.cat([m, m * m, x.std(dim=[2, 3, 4])], dim=1)
    if return_features:
        return f
    return torch.softmax(f, dim=1)
)");
  m.save(path);
}

}  // namespace tgvc::learned_test
