#include "codecs/x265/x265_codec.h"

#include <x265.h>

#include <algorithm>
#include <array>
#include <memory>

#include "codecs/x265/hevc_decoder.h"
#include "codecs/x265/x265_params.h"
#include "harness/core/error.h"
#include "harness/core/frame_padding.h"

namespace tgvc {
namespace {

const char kSourceWhere[] = "x265 source";
const char kStreamWhere[] = "x265 bitstream";

std::string size_text(int width, int height) {
  return std::to_string(width) + "x" + std::to_string(height);
}

// What libx265 (and the HEVC profiles it writes) can take; checked before any allocation. Odd
// sizes are taken: encode() pads them (coded_size).
void check_source(const Video& source) {
  const VideoInfo& info = source.info;
  if (info.format.family != ColourFamily::kYuv) {
    throw InputError(kSourceWhere, "a YUV video (x265 does not code RGB here)", "RGB");
  }
  if (info.format.bit_depth != 8 && info.format.bit_depth != 10) {
    throw InputError(kSourceWhere, "8- or 10-bit samples", std::to_string(info.format.bit_depth) + "-bit");
  }
  if (info.width <= 0 || info.height <= 0 || info.fps.num <= 0 || info.fps.den <= 0) {
    throw InputError(kSourceWhere, "a positive size and frame rate",
                     size_text(info.width, info.height) + " at " + std::to_string(info.fps.num) + "/" +
                         std::to_string(info.fps.den) + " fps");
  }
  if (source.frames.empty()) throw InputError(kSourceWhere, "at least one frame", "an empty video");
  for (const Frame& frame : source.frames) {
    if (frame.width() != info.width || frame.height() != info.height || frame.format != info.format) {
      throw InputError(kSourceWhere, "every frame in the video's size and format",
                       "a " + size_text(frame.width(), frame.height()) + " frame");
    }
  }
}

// Input samples in the layout x265_picture points at: bytes for 8-bit, 16-bit words above.
class PictureBuffer {
 public:
  PictureBuffer(const VideoInfo& info, const x265_api& api, x265_param* param)
      : high_(info.format.bit_depth > 8) {
    api.picture_init(param, &picture_);
    picture_.bitDepth = info.format.bit_depth;
    picture_.colorSpace = param->internalCsp;
    const Frame shape = Frame::allocate(info.width, info.height, info.format);
    for (int p = 0; p < 3; ++p) {
      const Plane& plane = shape.planes[p];
      if (high_) {
        wide_[p].resize(plane.samples.size());
        picture_.planes[p] = wide_[p].data();
      } else {
        narrow_[p].resize(plane.samples.size());
        picture_.planes[p] = narrow_[p].data();
      }
      picture_.stride[p] = plane.width * (high_ ? 2 : 1);
    }
  }

  x265_picture* fill(const Frame& frame, int64_t pts) {
    // Clamped: x265's tables assume samples within the bit depth.
    const uint16_t max_value = static_cast<uint16_t>(frame.max_value());
    for (int p = 0; p < 3; ++p) {
      const std::vector<uint16_t>& src = frame.planes[p].samples;
      for (size_t i = 0; i < src.size(); ++i) {
        const uint16_t v = std::min(src[i], max_value);
        if (high_) {
          wide_[p][i] = v;
        } else {
          narrow_[p][i] = static_cast<uint8_t>(v);
        }
      }
    }
    picture_.pts = pts;
    return &picture_;
  }

 private:
  bool high_;
  x265_picture picture_;
  std::array<std::vector<uint8_t>, 3> narrow_;
  std::array<std::vector<uint16_t>, 3> wide_;
};

void append_nals(const x265_nal* nals, uint32_t count, std::vector<uint8_t>* out) {
  for (uint32_t i = 0; i < count; ++i)
    out->insert(out->end(), nals[i].payload, nals[i].payload + nals[i].sizeBytes);
}

// The size x265 is given for a source: libx265 refuses a 4:2:0 width or height (a 4:2:2 width)
// that is not a whole number of chroma samples ("Picture width must be an integer multiple of
// the specified chroma subsampling"), as HEVC's conformance window crops in chroma units. Such a
// source is padded by one replicated column or row. Sizes that are not a multiple of the minimum
// CU (8) libx265 pads itself and crops with the conformance window.
PictureSize coded_size(const VideoInfo& info) {
  return whole_chroma_size(info.width, info.height, info.format.chroma);
}

}  // namespace

std::string X265Codec::version() const {
  return std::string("1 (x265 ") + x265_version_str + ")";
}

std::string X265Codec::description() const {
  return "HEVC by libx265 (Annex-B stream, parameter sets once); decoded by libavcodec's HEVC decoder";
}

const std::vector<ParamSpec>& X265Codec::param_specs() const {
  return x265_param_specs();
}

Encoded X265Codec::encode(const Video& source, const ParamSet& params) const {
  check_source(source);
  const PictureSize size = coded_size(source.info);
  const bool padded = size.width != source.info.width || size.height != source.info.height;
  const Video padded_source = padded ? pad_video(source, size.width, size.height) : Video{};
  const Video& input = padded ? padded_source : source;
  const int depth = source.info.format.bit_depth;
  const x265_api* api = x265_api_get(depth);
  if (!api) throw Error("libx265 was built without " + std::to_string(depth) + "-bit support");

  std::unique_ptr<x265_param, void (*)(x265_param*)> param(api->param_alloc(), api->param_free);
  if (!param) throw Error("libx265: out of memory");
  configure_x265(*api, params, input.info, param.get());
  std::unique_ptr<x265_encoder, void (*)(x265_encoder*)> encoder(api->encoder_open(param.get()),
                                                                 api->encoder_close);
  if (!encoder) throw Error("libx265 refused to open an encoder with these parameters");

  Encoded out;
  out.codec_id = id();
  out.info = source.info;
  out.frame_count = source.frame_count();
  out.coded_width = size.width;
  out.coded_height = size.height;
  x265_nal* nals = nullptr;
  uint32_t nal_count = 0;
  if (api->encoder_headers(encoder.get(), &nals, &nal_count) < 0) throw Error("libx265: no stream headers");
  append_nals(nals, nal_count, &out.bitstream);
  const uint64_t header_bytes = out.bitstream.size();

  // x265 copies each input picture, so one buffer serves every frame.
  PictureBuffer buffer(input.info, *api, param.get());
  int coded = 0;
  for (int i = 0; i < source.frame_count(); ++i) {
    const int r =
        api->encoder_encode(encoder.get(), &nals, &nal_count, buffer.fill(input.frames[i], i), nullptr);
    if (r < 0) throw Error("libx265 failed on frame " + std::to_string(i));
    coded += r;
    append_nals(nals, nal_count, &out.bitstream);
  }
  while (true) {  // flush the lookahead and the frames still being coded
    const int r = api->encoder_encode(encoder.get(), &nals, &nal_count, nullptr, nullptr);
    if (r < 0) throw Error("libx265 failed while flushing");
    if (r == 0) break;
    coded += r;
    append_nals(nals, nal_count, &out.bitstream);
  }
  if (coded != source.frame_count()) {
    throw Error("libx265 coded " + std::to_string(coded) + " of " + std::to_string(source.frame_count()) +
                " frames");
  }
  out.components = {{"headers", header_bytes}, {"video", out.bitstream.size() - header_bytes}};
  return out;
}

Video X265Codec::decode(const Encoded& encoded) const {
  if (encoded.codec_id != id()) {
    throw InputError(kStreamWhere, "a stream coded by 'x265'", "codec '" + encoded.codec_id + "'");
  }
  const VideoInfo& info = encoded.info;
  if (info.width <= 0 || info.height <= 0 || encoded.frame_count <= 0) {
    throw InputError(
        kStreamWhere, "a positive size and frame count",
        size_text(info.width, info.height) + ", " + std::to_string(encoded.frame_count) + " frames");
  }
  const PictureSize size = coded_size(info);
  if (size.width == info.width && size.height == info.height) {
    return decode_hevc_annexb(encoded.bitstream, info, encoded.frame_count, kStreamWhere);
  }
  VideoInfo coded_info = info;
  coded_info.width = size.width;
  coded_info.height = size.height;
  return crop_video(decode_hevc_annexb(encoded.bitstream, coded_info, encoded.frame_count, kStreamWhere),
                    info.width, info.height);
}

}  // namespace tgvc
