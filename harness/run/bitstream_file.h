// An encoded bitstream as one file of the shared cache: a JSON header line (format, geometry,
// colour conversion, rate components, the encode's time, the payload's size and SHA-256), then
// the bitstream bytes. Decoder options are not stored: each cell sets its own.
#pragma once

#include <string>

#include "codecs/codec.h"

namespace tgvc {

// What a cell needs of an encode that another cell or run made: the result and its time.
struct StoredBitstream {
  Encoded encoded;
  double encode_s = 0;  // wall time of the encode that produced it
};

std::string bitstream_to_file(const StoredBitstream& stored);

// Throws InputError naming `where` for a damaged file (bad header, size or SHA-256 mismatch).
StoredBitstream bitstream_from_file(const std::string& file, const std::string& where);

}  // namespace tgvc
