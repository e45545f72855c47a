// Fuzz target for the YAML config loader (harness/config): any text must either give a validated
// experiment or raise InputError; a YAML-library exception, a crash, a hang or an unbounded
// allocation is a bug. The config is parsed in memory, named as a file in an empty scratch folder
// so that relative dataset paths resolve to files that do not exist.
// Built and replayed as tests/fuzz/CMakeLists.txt describes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "harness/config/experiment.h"
#include "harness/core/error.h"

namespace {

// Real configs are a few kilobytes.
constexpr size_t kMaxInputBytes = 64 << 10;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInputBytes) size = kMaxInputBytes;
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const tgvc::Experiment e = tgvc::parse_experiment(text, "/nonexistent/tgvc-fuzz/config.yaml");
    // What validates is what the planner trusts.
    if (e.name.empty() || e.jobs < 1 || e.codecs.empty()) __builtin_trap();
    for (const tgvc::CodecSpec& codec : e.codecs) {
      if (codec.rate_points.empty()) __builtin_trap();
    }
  } catch (const tgvc::InputError&) {
  }
  return 0;
}
