// Fuzz target for the .tgvc parser: any input must either parse or raise InputError; a crash,
// a sanitizer report, a hang or another exception is a bug.
//
// Built with a fuzzing engine (clang -fsanitize=fuzzer) it is a libFuzzer target. Built with
// -DTGVC_FUZZ_REPLAY_MAIN it gets a plain main() that replays files or directories of inputs
// (a corpus), so the test suite can run the corpus without an engine.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "codecs/tgvc/bitstream/tgvc_stream.h"
#include "harness/core/error.h"

namespace {

// Inputs above this are cut: the parser's cost is linear in its input and no valid sample
// stream needs more.
constexpr size_t kMaxInputBytes = 1 << 20;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInputBytes) size = kMaxInputBytes;
  const std::vector<uint8_t> bytes(data, data + size);
  try {
    const tgvc::TgvcStream stream = tgvc::read_tgvc(bytes, "fuzz.tgvc");
    // What parsed must be writable again and read back to the same trajectories.
    const tgvc::TgvcStream again = tgvc::read_tgvc(tgvc::write_tgvc(stream), "fuzz-rewritten.tgvc");
    if (again.clips.size() != stream.clips.size()) __builtin_trap();
    for (size_t c = 0; c < stream.clips.size(); ++c) {
      if (again.clips[c] != stream.clips[c]) __builtin_trap();
    }
  } catch (const tgvc::InputError&) {
  }
  return 0;
}

#ifdef TGVC_FUZZ_REPLAY_MAIN
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace {

int replay_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.string().c_str());
    return 1;
  }
  const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
  return 0;
}

}  // namespace

// Replays every file named on the command line and every file under a named directory.
int main(int argc, char** argv) {
  int failures = 0;
  int inputs = 0;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path path(argv[i]);
    if (std::filesystem::is_directory(path)) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
        if (!entry.is_regular_file()) continue;
        failures += replay_file(entry.path());
        ++inputs;
      }
    } else {
      failures += replay_file(path);
      ++inputs;
    }
  }
  std::printf("replayed %d inputs, %d unreadable\n", inputs, failures);
  return failures == 0 ? 0 : 1;
}
#endif
