#include "codecs/source_colour.h"

#include "harness/core/colour.h"

namespace tgvc {

PixelFormat yuv_format_for_rgb(const Codec& codec, int rgb_bit_depth) {
  const std::vector<int> depths = codec.yuv_bit_depths();
  int depth = depths.back();
  for (int d : depths) {
    if (d >= rgb_bit_depth) {
      depth = d;
      break;
    }
  }
  return {ChromaFormat::k444, depth, ColourFamily::kYuv};
}

Video rgb_source_as_yuv(const Codec& codec, const Video& source, ColourConversion* conversion) {
  conversion->applied = true;
  conversion->source_format = source.info.format;
  conversion->coded_format = yuv_format_for_rgb(codec, source.info.format.bit_depth);
  conversion->spec = source.info.colour;
  Video yuv;
  yuv.info = source.info;
  yuv.info.format = conversion->coded_format;
  yuv.frames.reserve(source.frames.size());
  for (const Frame& f : source.frames) {
    yuv.frames.push_back(
        rgb_to_yuv(f, conversion->spec, ChromaFormat::k444, conversion->coded_format.bit_depth));
  }
  return yuv;
}

Encoded encode_source(const Codec& codec, const Video& source, const ParamSet& params) {
  if (source.info.format.family != ColourFamily::kRgb) return codec.encode(source, params);
  ColourConversion conversion;
  Encoded encoded = codec.encode(rgb_source_as_yuv(codec, source, &conversion), params);
  encoded.conversion = conversion;
  return encoded;
}

Video decode_for_source(const Codec& codec, const Encoded& encoded) {
  Video decoded = codec.decode(encoded);
  const ColourConversion& c = encoded.conversion;
  if (!c.applied) return decoded;
  Video rgb;
  rgb.info = decoded.info;
  rgb.info.format = c.source_format;
  rgb.info.colour = c.spec;
  rgb.frames.reserve(decoded.frames.size());
  for (const Frame& f : decoded.frames)
    rgb.frames.push_back(yuv_to_rgb(f, c.spec, c.source_format.bit_depth));
  return rgb;
}

std::string describe(const ColourConversion& c) {
  if (!c.applied) return "";
  const auto depth = [](const PixelFormat& f) { return std::to_string(f.bit_depth) + "-bit"; };
  const bool full_chroma = c.coded_format.chroma == ChromaFormat::k444;
  const std::string chroma = full_chroma                                   ? "4:4:4"
                             : c.coded_format.chroma == ChromaFormat::k422 ? "4:2:2"
                                                                           : "4:2:0";
  // rgb_to_yuv's subsampling: the mean of the covered positions (centre siting).
  const std::string subsampling = full_chroma ? "no chroma subsampling" : "chroma the mean of each block";
  return "RGB " + depth(c.source_format) + " -> YUV " + chroma + " " + depth(c.coded_format) + " (" +
         to_string(c.spec.matrix) + " " + to_string(c.spec.range) + " range, " + subsampling + ") -> RGB " +
         depth(c.source_format);
}

}  // namespace tgvc
