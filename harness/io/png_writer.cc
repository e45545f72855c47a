#include "harness/io/png_writer.h"

#include <algorithm>
#include <cassert>
#include <memory>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavutil/opt.h>
}

#include "harness/core/atomic_file.h"
#include "harness/core/colour.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

struct CodecContextDeleter {
  void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct FrameDeleter {
  void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct PacketDeleter {
  void operator()(AVPacket* p) const { av_packet_free(&p); }
};

}  // namespace

std::vector<uint8_t> encode_png(const Frame& frame, ColourSpec colour, int png_bits) {
  assert(png_bits == 8 || png_bits == 16);
  const bool is_rgb = frame.format.family == ColourFamily::kRgb;
  const Frame rgb = is_rgb ? frame : yuv_to_rgb(frame, colour);
  const AVPixelFormat format = png_bits == 16 ? AV_PIX_FMT_RGB48BE : AV_PIX_FMT_RGB24;
  const AVCodec* codec = avcodec_find_encoder(AV_CODEC_ID_PNG);
  if (!codec) throw Error("libavcodec has no PNG encoder");
  std::unique_ptr<AVCodecContext, CodecContextDeleter> context(avcodec_alloc_context3(codec));
  context->width = rgb.width();
  context->height = rgb.height();
  context->pix_fmt = format;
  context->time_base = {1, 1};
  context->thread_count = 1;
  // Stills are written per cell, so their deflate is most of the harness's own time: zlib level 1
  // with the "sub" filter takes half the time of the default (level 6, no filter) and gives smaller
  // files on real frames (tests/bench/bench_io.cc, docs/performance.md). Lossless either way.
  context->compression_level = 1;
  if (av_opt_set(context->priv_data, "pred", "sub", 0) < 0)
    throw Error("the PNG encoder has no 'pred' option");
  if (avcodec_open2(context.get(), codec, nullptr) < 0) throw Error("cannot open the PNG encoder");

  std::unique_ptr<AVFrame, FrameDeleter> picture(av_frame_alloc());
  picture->format = format;
  picture->width = rgb.width();
  picture->height = rgb.height();
  if (av_frame_get_buffer(picture.get(), 0) < 0) throw Error("cannot allocate a PNG frame");
  const uint64_t peak_in =
      is_rgb ? (uint64_t{1} << rgb.format.bit_depth) - 1 : uint64_t{255} << (rgb.format.bit_depth - 8);
  const uint64_t peak_out = (uint64_t{1} << png_bits) - 1;
  for (int y = 0; y < rgb.height(); ++y) {
    uint8_t* out = picture->data[0] + static_cast<ptrdiff_t>(y) * picture->linesize[0];
    for (int x = 0; x < rgb.width(); ++x) {
      for (int c = 0; c < 3; ++c) {
        const uint64_t v = std::min(peak_out, (rgb.planes[c].at(x, y) * peak_out + peak_in / 2) / peak_in);
        if (png_bits == 16) {
          out[6 * x + 2 * c] = static_cast<uint8_t>(v >> 8);  // big-endian, as PNG stores it
          out[6 * x + 2 * c + 1] = static_cast<uint8_t>(v & 0xff);
        } else {
          out[3 * x + c] = static_cast<uint8_t>(v);
        }
      }
    }
  }
  std::unique_ptr<AVPacket, PacketDeleter> packet(av_packet_alloc());
  if (avcodec_send_frame(context.get(), picture.get()) < 0 ||
      avcodec_send_frame(context.get(), nullptr) < 0 ||
      avcodec_receive_packet(context.get(), packet.get()) < 0) {
    throw Error("the PNG encoder failed");
  }
  return std::vector<uint8_t>(packet->data, packet->data + packet->size);
}

void write_png(const std::string& path, const Frame& frame, ColourSpec colour, int png_bits) {
  const std::vector<uint8_t> png = encode_png(frame, colour, png_bits);
  write_file_atomically(path, std::string_view(reinterpret_cast<const char*>(png.data()), png.size()));
}

}  // namespace tgvc
