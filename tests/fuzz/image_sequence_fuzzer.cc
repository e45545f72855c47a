// Fuzz target for the image-sequence reader (harness/io/image_sequence.h): file names, numbering,
// patterns and the PNG files themselves. Any input must either read or raise InputError; a crash,
// a sanitizer report, a hang or another exception is a bug.
//
// Input layout (the seeds are written by make_image_sequence_seeds.py):
//   line 1: file names separated by '|' (at most 8, each 1..64 bytes, no '/' or NUL)
//   line 2: a pattern such as im%03d.png, or empty to read the folder
//   rest:   file contents separated by "\n==\n"; file i gets content i modulo their count
// Each input gets a fresh folder under the system's temporary directory.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

extern "C" {
#include <libavutil/log.h>
}

#include "harness/core/error.h"
#include "harness/core/temp_dir.h"
#include "harness/io/image_sequence.h"
#include "harness/io/video_reader.h"

namespace {

namespace fs = std::filesystem;

// Inputs above this are cut: valid seeds are a few hundred bytes.
constexpr size_t kMaxInputBytes = 1 << 18;
constexpr size_t kMaxFiles = 8;
constexpr size_t kMaxNameBytes = 64;

std::vector<std::string> split(const std::string& text, const std::string& separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t at; (at = text.find(separator, start)) != std::string::npos; start = at + separator.size()) {
    parts.push_back(text.substr(start, at - start));
  }
  parts.push_back(text.substr(start));
  return parts;
}

bool usable_name(const std::string& name) {
  return !name.empty() && name.size() <= kMaxNameBytes && name != "." && name != ".." &&
         name.find('/') == std::string::npos && name.find('\0') == std::string::npos;
}

// One folder per process, emptied before every input and removed at exit.
fs::path scratch_folder() {
  static const tgvc::TempDir folder("tgvc-fuzz-images-");
  return folder.path();
}

void empty_folder(const fs::path& folder) {
  for (const auto& entry : fs::directory_iterator(folder)) fs::remove_all(entry.path());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInputBytes) size = kMaxInputBytes;
  const std::string input(reinterpret_cast<const char*>(data), size);
  const size_t names_end = input.find('\n');
  if (names_end == std::string::npos) return 0;
  const size_t pattern_end = input.find('\n', names_end + 1);
  if (pattern_end == std::string::npos) return 0;
  const std::vector<std::string> names = split(input.substr(0, names_end), "|");
  const std::string pattern = input.substr(names_end + 1, pattern_end - names_end - 1);
  const std::vector<std::string> contents = split(input.substr(pattern_end + 1), "\n==\n");
  if (names.size() > kMaxFiles || (!pattern.empty() && !usable_name(pattern))) return 0;

  av_log_set_level(AV_LOG_QUIET);  // FFmpeg's messages about broken files cost more than the reads
  const fs::path folder = scratch_folder();
  empty_folder(folder);
  for (size_t i = 0; i < names.size(); ++i) {
    if (!usable_name(names[i])) continue;
    std::ofstream(folder / names[i], std::ios::binary) << contents[i % contents.size()];
  }
  const std::string path = pattern.empty() ? folder.string() : (folder / pattern).string();
  try {
    const std::vector<std::string> files = tgvc::input_files(path);
    const tgvc::Video video = tgvc::read_video(path);
    if (video.frames.empty()) std::abort();
    // A sequence has one frame per file (a single file may hold several).
    if (tgvc::is_image_sequence(path) && files.size() != static_cast<size_t>(video.frame_count()))
      std::abort();
    const tgvc::Video tail = tgvc::read_video(path, {video.frame_count() - 1, 1});
    if (tail.frame_count() != 1 ||
        tail.frames[0].planes[0].samples != video.frames.back().planes[0].samples) {
      std::abort();
    }
  } catch (const tgvc::InputError&) {
  }
  return 0;
}
