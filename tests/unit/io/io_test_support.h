// Helpers for the io tests: a scratch directory, running the ffmpeg CLI as an independent
// decoder, and deterministic test videos.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "harness/core/error.h"
#include "harness/core/frame.h"
#include "harness/core/temp_dir.h"

namespace tgvc::testing {

// A fresh directory under the system temporary directory (harness/core's TempDir), removed with
// its contents.
class ScratchDir : public TempDir {
 public:
  ScratchDir() : TempDir("tgvc-io-test-") {}
};

struct ProgramResult {
  int exit_code = -1;
  std::string errors;  // what the program wrote to stderr
};

// Runs argv[0] (found on PATH) with the given arguments via fork/execvp, no shell; stdin and
// stdout are /dev/null.
ProgramResult run_program(const std::vector<std::string>& argv);

// Runs `ffmpeg -nostdin -v error -y <arguments>`; fails the current test on a non-zero exit.
void run_ffmpeg(const std::vector<std::string>& arguments);

std::vector<uint8_t> read_bytes(const std::string& path);
void write_bytes(const std::string& path, const std::vector<uint8_t>& bytes);
void write_text(const std::string& path, const std::string& text);

// A video of uniformly random samples (seeded LCG) in the format's full sample range.
Video random_video(int width, int height, PixelFormat format, int frames, uint32_t seed);

// The stored (Y4M / raw, 10-bit little-endian) bytes of frames [first, first + count) of `video`.
std::vector<uint8_t> stored_bytes(const Video& video, int first, int count);

// The InputError that `action` throws; an empty one (and a test failure) when it throws none.
template <typename Action>
InputError input_error_of(Action action) {
  try {
    action();
  } catch (const InputError& error) {
    return error;
  }
  ADD_FAILURE() << "expected an InputError";
  return InputError("", "");
}

}  // namespace tgvc::testing
