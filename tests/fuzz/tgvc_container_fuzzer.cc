// Fuzz target for the .tgvc parser: any input must either parse or raise InputError; a crash,
// a sanitizer report, a hang or another exception is a bug.
//
// Built with a fuzzing engine (clang -fsanitize=fuzzer, the `fuzz` preset) it is a libFuzzer
// target; linked with replay_main.cc it replays a corpus without an engine (ctest FuzzReplay).
// The fuzz preset defines FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION, so the reader skips the
// chunk CRCs there and mutated payloads reach the HEAD, CLIP, KEYF and TRAJ parsers.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "codecs/tgvc/bitstream/tgvc_stream.h"
#include "harness/core/error.h"

namespace {

// Inputs above this are cut: the parser's cost is linear in its input and no valid sample
// stream needs more.
constexpr size_t kMaxInputBytes = 1 << 20;
// Streams with more track-frames than this are not rewritten: the reader's limits allow 2^24,
// whose round trip (five trial encodes and a second parse) takes over a minute under the
// sanitizers, and T-GVC's streams hold about a thousand per clip.
constexpr int64_t kMaxRoundTripTrackFrames = int64_t{1} << 20;

int64_t track_frames(const tgvc::TgvcStream& stream) {
  int64_t total = 0;
  for (const tgvc::ClipTrajectories& clip : stream.clips) {
    total += static_cast<int64_t>(clip.tracks.size()) * clip.frames;
  }
  return total;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInputBytes) size = kMaxInputBytes;
  const std::vector<uint8_t> bytes(data, data + size);
  try {
    const tgvc::TgvcStream stream = tgvc::read_tgvc(bytes, "fuzz.tgvc");
    if (track_frames(stream) > kMaxRoundTripTrackFrames) return 0;
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
