// Fuzz target for the learned codec's container parser (codecs/learned/learned_container.h). Any
// input must parse or raise InputError, and a stream that parses must write back to the same bytes
// (the format has one encoding per stream: minimal numbers, whole words, nothing left over).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "codecs/learned/learned_container.h"
#include "harness/core/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tgvc::learned::LearnedStream stream;
  try {
    stream = tgvc::learned::parse_learned_stream(data, size, "fuzz learned container");
  } catch (const tgvc::InputError&) {
    return 0;
  }
  const std::vector<uint8_t> again = tgvc::learned::write_learned_stream(stream);
  if (again != std::vector<uint8_t>(data, data + size)) std::abort();
  const tgvc::learned::ContainerSizes sizes = tgvc::learned::container_sizes(stream);
  if (sizes.header + sizes.hyper_latent + sizes.latent != size) std::abort();
  return 0;
}
