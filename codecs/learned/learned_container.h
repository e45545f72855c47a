// The learned codec's container (docs/learned-codecs.md, "Container"): the sequence's geometry
// and latent shapes once, then per frame the lengths of its two rANS strings and the strings.
// Its bytes are the rate; the strings are the rate components `hyper_latent` and `latent`, the
// rest `header`.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "codecs/learned/learned_image_coder.h"

namespace tgvc::learned {

inline constexpr int kContainerVersion = 1;
// Bounds the parser enforces (and the writer asserts), so that no field makes it allocate more
// than the stream's own size.
inline constexpr int kMaxPictureSize = 16384;
inline constexpr int kMaxLatentDimension = 65535;
inline constexpr int kMaxFrames = 1 << 20;

struct LearnedStream {
  std::array<uint8_t, 8> export_digest{};  // the first 8 bytes of the export's SHA-256
  int width = 0;                           // the source's size, before padding
  int height = 0;
  LatentShapes shapes;
  std::vector<ImageStrings> frames;
};

// Bytes of the container by rate component.
struct ContainerSizes {
  uint64_t header = 0;
  uint64_t hyper_latent = 0;
  uint64_t latent = 0;
};

std::vector<uint8_t> write_learned_stream(const LearnedStream& stream);

// Parses a container; InputError naming `where`, the field (and frame) and what was expected for
// anything else: wrong magic or version, a size or shape out of range, a length that is not a
// whole number of 32-bit words or runs past the end, bytes left over, a non-minimal number.
// A stream that parses writes back to the same bytes.
LearnedStream parse_learned_stream(const uint8_t* data, size_t size, const std::string& where);

ContainerSizes container_sizes(const LearnedStream& stream);

// The 8-byte digest prefix of a 64-digit hex SHA-256.
std::array<uint8_t, 8> digest_prefix(const std::string& sha256_hex);

}  // namespace tgvc::learned
