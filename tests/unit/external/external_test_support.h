// Fake programs and small videos for the external codec's tests: each test writes its programs
// (small shell scripts; the harness itself never runs a shell) into a temporary directory.
#pragma once

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "harness/core/frame.h"
#include "harness/core/params.h"
#include "harness/core/string_lists.h"
#include "harness/core/temp_dir.h"

namespace tgvc {

// Writes an executable script `name` into `dir` and returns its path.
inline std::string write_program(const TempDir& dir, const std::string& name, const std::string& body) {
  const std::string path = dir.file(name);
  std::ofstream(path) << body;
  ::chmod(path.c_str(), 0755);
  return path;
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A seeded moving gradient with noise: every frame and plane differs.
inline Video test_video(int width, int height, int frames, int bit_depth = 8) {
  Video v;
  v.info.width = width;
  v.info.height = height;
  v.info.format.bit_depth = bit_depth;
  v.info.fps = {30, 1};
  uint32_t state = 12345;
  const int shift = bit_depth - 8;
  for (int f = 0; f < frames; ++f) {
    Frame frame = Frame::allocate(width, height, v.info.format);
    for (int p = 0; p < 3; ++p) {
      Plane& plane = frame.planes[p];
      for (int y = 0; y < plane.height; ++y) {
        for (int x = 0; x < plane.width; ++x) {
          state = state * 1664525u + 1013904223u;
          const int value = (x * 3 + y * 2 + f * 5 + p * 40) % 200 + 16 + static_cast<int>((state >> 28) & 7);
          plane.at(x, y) = static_cast<uint16_t>(value << shift);
        }
      }
    }
    v.frames.push_back(std::move(frame));
  }
  return v;
}

// An external codec's params as the config loader gives them (lists as their canonical text).
struct ExternalSetup {
  std::vector<std::string> encode;
  std::vector<std::string> decode;
  std::string bitstream = "stream.bin";
  std::map<std::string, std::string> other;  // formats, timeout, user keys
  std::map<std::string, std::string> env;
  std::vector<std::string> version;

  std::map<std::string, std::string> given() const {
    std::map<std::string, std::string> g = other;
    g["encode"] = format_string_list(encode);
    if (!decode.empty()) g["decode"] = format_string_list(decode);
    if (!version.empty()) g["version"] = format_string_list(version);
    if (!env.empty()) g["env"] = format_string_map(env);
    g["bitstream"] = bitstream;
    return g;
  }
};

}  // namespace tgvc
