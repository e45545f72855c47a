// The AV1 low-overhead bitstream format (AV1 spec, section 5): OBU headers and temporal units.
// Enough parsing to split a stream for the decoder and to name its bytes; no payload parsing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace tgvc {

enum ObuType : int {
  kObuSequenceHeader = 1,
  kObuTemporalDelimiter = 2,
  kObuFrameHeader = 3,
  kObuTileGroup = 4,
  kObuMetadata = 5,
  kObuFrame = 6,
  kObuRedundantFrameHeader = 7,
  kObuTileList = 8,
  kObuPadding = 15,
};

// One OBU: its type and where it lies in the stream (header, size field and payload).
struct Obu {
  int type = 0;
  size_t offset = 0;
  size_t size = 0;
};

// A temporal unit: a temporal delimiter and every OBU up to the next one.
struct TemporalUnit {
  size_t offset = 0;
  size_t size = 0;
};

// The OBUs of a low-overhead stream, in order. Throws InputError (where = `where`) for a set
// forbidden bit, an OBU without a size field, a malformed leb128 size or an OBU that runs past
// the end of the data.
std::vector<Obu> parse_obus(const std::vector<uint8_t>& stream, const std::string& where);

// The temporal units of a low-overhead stream. Throws InputError as parse_obus does, and when
// the stream does not start with a temporal delimiter.
std::vector<TemporalUnit> split_temporal_units(const std::vector<uint8_t>& stream, const std::string& where);

}  // namespace tgvc
