#include "codecs/aom/aom_codec.h"

#include <aom/aom_codec.h>
#include <aom/aom_encoder.h>
#include <aom/aomcx.h>
#include <dav1d/dav1d.h>

#include <algorithm>
#include <memory>

#include "codecs/aom/aom_params.h"
#include "codecs/aom/dav1d_decoder.h"
#include "codecs/aom/obu_stream.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

const char kSourceWhere[] = "aom source";
const char kStreamWhere[] = "aom bitstream";

std::string size_text(int width, int height) {
  return std::to_string(width) + "x" + std::to_string(height);
}

// What libaom takes here: 8/10-bit YUV of any size (AV1 codes odd sizes; chroma rounds up).
void check_source(const Video& source) {
  const VideoInfo& info = source.info;
  if (info.format.family != ColourFamily::kYuv) {
    throw InputError(kSourceWhere, "a YUV video (aom does not code RGB here)", "RGB");
  }
  if (info.format.bit_depth != 8 && info.format.bit_depth != 10) {
    throw InputError(kSourceWhere, "8- or 10-bit samples", std::to_string(info.format.bit_depth) + "-bit");
  }
  if (info.width <= 0 || info.height <= 0 || info.width > 16384 || info.height > 16384 || info.fps.num <= 0 ||
      info.fps.den <= 0) {
    throw InputError(kSourceWhere, "a size in [1, 16384] and a positive frame rate",
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

aom_img_fmt_t image_format_of(const PixelFormat& format) {
  const bool high = format.bit_depth > 8;
  switch (format.chroma) {
    case ChromaFormat::k420:
      return high ? AOM_IMG_FMT_I42016 : AOM_IMG_FMT_I420;
    case ChromaFormat::k422:
      return high ? AOM_IMG_FMT_I42216 : AOM_IMG_FMT_I422;
    case ChromaFormat::k444:
      return high ? AOM_IMG_FMT_I44416 : AOM_IMG_FMT_I444;
  }
  return AOM_IMG_FMT_I420;
}

struct ImageFree {
  void operator()(aom_image_t* image) const { aom_img_free(image); }
};

// Copies a frame into libaom's input image (bytes for 8-bit, 16-bit words above), clamping
// samples to the bit depth as the encoder's tables assume.
void fill_image(const Frame& frame, aom_image_t* image) {
  const bool high = frame.format.bit_depth > 8;
  const uint16_t max_value = static_cast<uint16_t>(frame.max_value());
  for (int p = 0; p < 3; ++p) {
    const Plane& plane = frame.planes[p];
    for (int y = 0; y < plane.height; ++y) {
      uint8_t* row = image->planes[p] + static_cast<ptrdiff_t>(y) * image->stride[p];
      const uint16_t* src = plane.row(y);
      if (high) {
        auto* dst = reinterpret_cast<uint16_t*>(row);
        for (int x = 0; x < plane.width; ++x) dst[x] = std::min(src[x], max_value);
      } else {
        for (int x = 0; x < plane.width; ++x) row[x] = static_cast<uint8_t>(std::min(src[x], max_value));
      }
    }
  }
}

// An initialised libaom encoder, destroyed with its owner.
class AomEncoder {
 public:
  AomEncoder(const aom_codec_enc_cfg_t& cfg, bool high_bit_depth) {
    const aom_codec_flags_t flags = high_bit_depth ? AOM_CODEC_USE_HIGHBITDEPTH : 0;
    if (aom_codec_enc_init(&ctx_, aom_codec_av1_cx(), &cfg, flags) != AOM_CODEC_OK) {
      const char* detail = aom_codec_error_detail(&ctx_);
      const std::string message = std::string("libaom refused the configuration: ") + aom_codec_error(&ctx_) +
                                  (detail ? std::string(" (") + detail + ")" : "");
      aom_codec_destroy(&ctx_);
      throw Error(message);
    }
  }
  ~AomEncoder() { aom_codec_destroy(&ctx_); }
  AomEncoder(const AomEncoder&) = delete;
  AomEncoder& operator=(const AomEncoder&) = delete;

  aom_codec_ctx_t* ctx() { return &ctx_; }

  // Encodes one image (nullptr flushes) and appends the packets; returns how many it got.
  int encode(const aom_image_t* image, aom_codec_pts_t pts, std::vector<uint8_t>* out) {
    if (aom_codec_encode(&ctx_, image, pts, 1, 0) != AOM_CODEC_OK) {
      const char* detail = aom_codec_error_detail(&ctx_);
      throw Error(std::string("libaom failed to encode: ") + aom_codec_error(&ctx_) +
                  (detail ? std::string(" (") + detail + ")" : ""));
    }
    int packets = 0;
    aom_codec_iter_t iter = nullptr;
    while (const aom_codec_cx_pkt_t* pkt = aom_codec_get_cx_data(&ctx_, &iter)) {
      if (pkt->kind != AOM_CODEC_CX_FRAME_PKT) continue;
      const auto* data = static_cast<const uint8_t*>(pkt->data.frame.buf);
      out->insert(out->end(), data, data + pkt->data.frame.sz);
      ++packets;
    }
    return packets;
  }

 private:
  aom_codec_ctx_t ctx_ = {};
};

}  // namespace

std::string AomCodec::version() const {
  return std::string("1 (libaom ") + aom_codec_version_str() + "; dav1d " + dav1d_version() + ")";
}

std::string AomCodec::description() const {
  return "AV1 by libaom (low-overhead OBU stream, no IVF); decoded by dav1d";
}

const std::vector<ParamSpec>& AomCodec::param_specs() const {
  return aom_param_specs();
}

Encoded AomCodec::encode(const Video& source, const ParamSet& params) const {
  check_source(source);
  const bool high = source.info.format.bit_depth > 8;
  aom_codec_enc_cfg_t cfg;
  const AomOptions options = aom_param_table().parse(params);
  if (aom_codec_enc_config_default(aom_codec_av1_cx(), &cfg, aom_usage(options)) != AOM_CODEC_OK) {
    throw Error("libaom has no default configuration for usage " +
                aom_param_table().texts(options).at("usage"));
  }
  configure_aom(options, source.info, &cfg);
  AomEncoder encoder(cfg, high);
  apply_aom_controls(options, encoder.ctx());

  std::unique_ptr<aom_image_t, ImageFree> image(
      aom_img_alloc(nullptr, image_format_of(source.info.format), cfg.g_w, cfg.g_h, 32));
  if (!image) throw Error("libaom: out of memory for the input image");
  image->bit_depth = static_cast<unsigned int>(source.info.format.bit_depth);

  Encoded out;
  out.codec_id = id();
  out.info = source.info;
  out.frame_count = source.frame_count();
  // AV1 codes any size (frame_width_minus_1), odd ones included: nothing is padded.
  out.coded_width = source.info.width;
  out.coded_height = source.info.height;
  // libaom copies each input image into its lookahead, so one image serves every frame.
  for (int i = 0; i < source.frame_count(); ++i) {
    fill_image(source.frames[i], image.get());
    encoder.encode(image.get(), i, &out.bitstream);
  }
  while (encoder.encode(nullptr, source.frame_count(), &out.bitstream) > 0) {
  }

  std::vector<Obu> obus;
  try {
    obus = parse_obus(out.bitstream, "libaom output");
  } catch (const InputError& e) {
    throw Error(std::string("libaom wrote a malformed OBU stream: ") + e.what());
  }
  uint64_t header_bytes = 0;
  int units = 0;
  for (const Obu& obu : obus) {
    if (obu.type == kObuTemporalDelimiter || obu.type == kObuSequenceHeader) header_bytes += obu.size;
    units += obu.type == kObuTemporalDelimiter;
  }
  if (units != source.frame_count()) {
    throw Error("libaom produced " + std::to_string(units) + " temporal units for " +
                std::to_string(source.frame_count()) + " frames");
  }
  out.components = {{"headers", header_bytes}, {"video", out.bitstream.size() - header_bytes}};
  return out;
}

Video AomCodec::decode(const Encoded& encoded) const {
  if (encoded.codec_id != id()) {
    throw InputError(kStreamWhere, "a stream coded by 'aom'", "codec '" + encoded.codec_id + "'");
  }
  const VideoInfo& info = encoded.info;
  if (info.width <= 0 || info.height <= 0 || info.width > 16384 || info.height > 16384 ||
      encoded.frame_count <= 0) {
    throw InputError(
        kStreamWhere, "a size in [1, 16384] and a positive frame count",
        size_text(info.width, info.height) + ", " + std::to_string(encoded.frame_count) + " frames");
  }
  return decode_av1_dav1d(encoded.bitstream, info, encoded.frame_count, kStreamWhere);
}

}  // namespace tgvc
