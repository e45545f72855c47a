#include "codecs/raw/raw_codec.h"

#include "harness/core/error.h"

namespace tgvc {

std::string RawCodec::description() const {
  return "stores samples verbatim (2 bytes each); for harness tests and overhead measurement";
}

const ParamTable<RawParams>& raw_param_table() {
  using Row = ParamRow<RawParams>;
  static const ParamTable<RawParams> table({
      Row("fail", &RawParams::fail).help("raise an error in encode (tests failure rows)"),
      Row("level", &RawParams::level).range(0, 1000).help("a sweepable no-op, for runner tests"),
  });
  return table;
}

const std::vector<ParamSpec>& RawCodec::param_specs() const {
  return raw_param_table().specs();
}

Encoded RawCodec::encode(const Video& source, const ParamSet& params) const {
  if (raw_param_table().parse(params).fail) throw Error("raw codec: failure requested by parameter 'fail'");
  Encoded out;
  out.codec_id = id();
  out.info = source.info;
  out.frame_count = source.frame_count();
  out.coded_width = source.info.width;
  out.coded_height = source.info.height;
  for (const Frame& frame : source.frames) {
    for (const Plane& plane : frame.planes) {
      for (uint16_t s : plane.samples) {
        out.bitstream.push_back(static_cast<uint8_t>(s & 0xff));
        out.bitstream.push_back(static_cast<uint8_t>(s >> 8));
      }
    }
  }
  out.components = {{"samples", out.bitstream.size()}};
  return out;
}

Video RawCodec::decode(const Encoded& encoded) const {
  Video video;
  video.info = encoded.info;
  size_t pos = 0;
  for (int f = 0; f < encoded.frame_count; ++f) {
    Frame frame = Frame::allocate(encoded.info.width, encoded.info.height, encoded.info.format);
    for (Plane& plane : frame.planes) {
      if (pos + 2 * plane.samples.size() > encoded.bitstream.size()) {
        throw InputError("raw bitstream", "samples for " + std::to_string(encoded.frame_count) + " frames",
                         "truncated data at frame " + std::to_string(f));
      }
      for (uint16_t& s : plane.samples) {
        s = static_cast<uint16_t>(encoded.bitstream[pos] | (encoded.bitstream[pos + 1] << 8));
        pos += 2;
      }
    }
    video.frames.push_back(std::move(frame));
  }
  return video;
}

}  // namespace tgvc
