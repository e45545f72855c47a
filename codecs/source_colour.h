// Sources in any colour family through codecs that take YUV. The runner and the CLI call these
// instead of Codec::encode/decode: a YUV source passes unchanged; an RGB source is converted once
// to YUV 4:4:4 (the source's matrix and range; the codec's bit depth nearest the source's) and
// its decode converted back to RGB of the source's bit depth, so that metrics compare RGB with
// RGB. docs/codecs.md, "RGB sources".
#pragma once

#include <string>

#include "codecs/codec.h"

namespace tgvc {

// The YUV format `codec` codes an RGB source of `rgb_bit_depth` in: 4:4:4 (no chroma
// subsampling, so no siting or filter), at the smallest depth the codec takes that is at least
// the source's, else the deepest it takes (16-bit RGB -> 10-bit YUV for x265 and aom).
PixelFormat yuv_format_for_rgb(const Codec& codec, int rgb_bit_depth);

// The YUV `codec` codes an RGB `source` as (yuv_format_for_rgb, the source's ColourSpec), and
// how it was made.
Video rgb_source_as_yuv(const Codec& codec, const Video& source, ColourConversion* conversion);

// Encodes `source`; an RGB source as YUV (Encoded::conversion says how).
Encoded encode_source(const Codec& codec, const Video& source, const ParamSet& params);

// Decodes `encoded` into the source's colour family and bit depth.
Video decode_for_source(const Codec& codec, const Encoded& encoded);

// One line for results and logs, e.g. "RGB 8-bit -> YUV 4:4:4 8-bit (bt709 limited range, no
// chroma subsampling) -> RGB 8-bit"; empty when nothing was converted.
std::string describe(const ColourConversion& conversion);

}  // namespace tgvc
