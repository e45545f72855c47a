// An encoded bitstream as one file of the shared cache: a JSON header line (format, geometry,
// colour conversion, rate components, the decoder options the encoder wrote (a learned codec's
// model file and digests, an external codec's file list; a cell replaces the decoder-only ones
// with its own), the encode's time, the payload's size and SHA-256), then the bitstream bytes.
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
