// Helpers of the TorchScript-stage tests: the modules make_modules.py writes at build time, small
// videos, temporary directories and a check that a call fails with an InputError saying enough.
#pragma once

#include <stdlib.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "harness/core/error.h"
#include "harness/core/frame.h"
#include "harness/core/lcg.h"
#include "harness/core/temp_dir.h"

namespace tgvc::torch_test {

inline std::string module_path(const std::string& name) {
  return std::string(TGVC_TORCH_FIXTURES) + "/" + name;
}

inline nlohmann::json expected() {
  std::ifstream in(module_path("expected.json"));
  return nlohmann::json::parse(in);
}

inline Video rgb_video(int width, int height, int frames, uint16_t fill = 0) {
  Video v;
  v.info.width = width;
  v.info.height = height;
  v.info.format = {ChromaFormat::k444, 8, ColourFamily::kRgb};
  for (int f = 0; f < frames; ++f) v.frames.push_back(Frame::allocate(width, height, v.info.format, fill));
  return v;
}

inline Video yuv_video(int width, int height, int frames, uint16_t fill = 128,
                       Range range = Range::kLimited) {
  Video v;
  v.info.width = width;
  v.info.height = height;
  v.info.format = {ChromaFormat::k420, 8, ColourFamily::kYuv};
  v.info.colour.range = range;
  for (int f = 0; f < frames; ++f) v.frames.push_back(Frame::allocate(width, height, v.info.format, fill));
  return v;
}

// make_modules.py's textured_frame(): 40x24 RGB, 8 bits.
inline Frame textured_rgb() {
  Frame frame = Frame::allocate(40, 24, {ChromaFormat::k444, 8, ColourFamily::kRgb});
  Lcg r(7);
  for (int c = 0; c < 3; ++c) {
    for (int y = 0; y < 24; ++y) {
      for (int x = 0; x < 40; ++x) {
        frame.planes[c].at(x, y) = static_cast<uint16_t>((13 * x + 29 * y + 71 * c + r.next() % 97) % 256);
      }
    }
  }
  return frame;
}

// A fresh directory under $TMPDIR (harness/core's TempDir), removed with its files when the
// object goes.
class ScratchDir : public TempDir {
 public:
  ScratchDir() : TempDir("tgvc-torch-test-") {}
};

inline void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// Runs `call`, which must throw an InputError whose `where` is `where` and whose message contains
// every one of `parts`.
inline void expect_input_error(const std::function<void()>& call, const std::string& where,
                               const std::vector<std::string>& parts) {
  try {
    call();
    ADD_FAILURE() << "no InputError (expected one at " << where << ")";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), where) << e.what();
    for (const std::string& part : parts) EXPECT_THAT(std::string(e.what()), ::testing::HasSubstr(part));
  }
}

}  // namespace tgvc::torch_test
