#include "harness/io/png_writer.h"

#include <memory>

extern "C" {
#include <libavcodec/avcodec.h>
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

std::vector<uint8_t> encode_png(const Frame& frame, ColourSpec colour) {
  const Frame rgb = frame.format.family == ColourFamily::kRgb ? frame : yuv_to_rgb(frame, colour);
  const AVCodec* codec = avcodec_find_encoder(AV_CODEC_ID_PNG);
  if (!codec) throw Error("libavcodec has no PNG encoder");
  std::unique_ptr<AVCodecContext, CodecContextDeleter> context(avcodec_alloc_context3(codec));
  context->width = rgb.width();
  context->height = rgb.height();
  context->pix_fmt = AV_PIX_FMT_RGB24;
  context->time_base = {1, 1};
  context->thread_count = 1;
  if (avcodec_open2(context.get(), codec, nullptr) < 0) throw Error("cannot open the PNG encoder");

  std::unique_ptr<AVFrame, FrameDeleter> picture(av_frame_alloc());
  picture->format = AV_PIX_FMT_RGB24;
  picture->width = rgb.width();
  picture->height = rgb.height();
  if (av_frame_get_buffer(picture.get(), 0) < 0) throw Error("cannot allocate a PNG frame");
  const int shift = rgb.format.bit_depth - 8;
  const int round = shift > 0 ? 1 << (shift - 1) : 0;
  for (int y = 0; y < rgb.height(); ++y) {
    uint8_t* out = picture->data[0] + static_cast<ptrdiff_t>(y) * picture->linesize[0];
    for (int x = 0; x < rgb.width(); ++x) {
      for (int c = 0; c < 3; ++c) {
        const int v = shift > 0 ? (rgb.planes[c].at(x, y) + round) >> shift : rgb.planes[c].at(x, y);
        out[3 * x + c] = static_cast<uint8_t>(v > 255 ? 255 : v);
      }
    }
  }
  std::unique_ptr<AVPacket, PacketDeleter> packet(av_packet_alloc());
  if (avcodec_send_frame(context.get(), picture.get()) < 0 || avcodec_send_frame(context.get(), nullptr) < 0 ||
      avcodec_receive_packet(context.get(), packet.get()) < 0) {
    throw Error("the PNG encoder failed");
  }
  return std::vector<uint8_t>(packet->data, packet->data + packet->size);
}

void write_png(const std::string& path, const Frame& frame, ColourSpec colour) {
  const std::vector<uint8_t> png = encode_png(frame, colour);
  write_file_atomically(path, std::string_view(reinterpret_cast<const char*>(png.data()), png.size()));
}

}  // namespace tgvc
