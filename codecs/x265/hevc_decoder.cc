#include "codecs/x265/hevc_decoder.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavutil/error.h>
#include <libavutil/frame.h>
#include <libavutil/log.h>
#include <libavutil/pixdesc.h>
}

#include <climits>
#include <cstring>
#include <memory>

#include "harness/core/error.h"

namespace tgvc {
namespace {

struct CodecContextFree {
  void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct ParserClose {
  void operator()(AVCodecParserContext* p) const { av_parser_close(p); }
};
struct PacketFree {
  void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct FrameFree {
  void operator()(AVFrame* f) const { av_frame_free(&f); }
};

std::string av_error_text(int err) {
  char text[AV_ERROR_MAX_STRING_SIZE] = {};
  av_strerror(err, text, sizeof text);
  return text;
}

AVPixelFormat pixel_format_of(const PixelFormat& format) {
  if (format.family != ColourFamily::kYuv || (format.bit_depth != 8 && format.bit_depth != 10)) {
    return AV_PIX_FMT_NONE;
  }
  const bool high = format.bit_depth > 8;
  switch (format.chroma) {
    case ChromaFormat::k420:
      return high ? AV_PIX_FMT_YUV420P10 : AV_PIX_FMT_YUV420P;
    case ChromaFormat::k422:
      return high ? AV_PIX_FMT_YUV422P10 : AV_PIX_FMT_YUV422P;
    case ChromaFormat::k444:
      return high ? AV_PIX_FMT_YUV444P10 : AV_PIX_FMT_YUV444P;
  }
  return AV_PIX_FMT_NONE;
}

std::string describe(int width, int height, int pix_fmt) {
  const char* name = av_get_pix_fmt_name(static_cast<AVPixelFormat>(pix_fmt));
  return std::to_string(width) + "x" + std::to_string(height) + " " + (name ? name : "unknown format");
}

// Decodes packets and collects pictures, checking each against the expected video.
class HevcSession {
 public:
  HevcSession(const VideoInfo& info, int frame_count, const std::string& where)
      : info_(info), frame_count_(frame_count), where_(where), pix_fmt_(pixel_format_of(info.format)) {
    const AVCodec* codec = avcodec_find_decoder(AV_CODEC_ID_HEVC);
    if (!codec) throw Error("libavcodec has no HEVC decoder");
    ctx_.reset(avcodec_alloc_context3(codec));
    parser_.reset(av_parser_init(AV_CODEC_ID_HEVC));
    packet_.reset(av_packet_alloc());
    frame_.reset(av_frame_alloc());
    if (!ctx_ || !parser_ || !packet_ || !frame_) throw Error("libavcodec: out of memory");
    ctx_->thread_count = 1;
    // Report damage instead of concealing it: a corrupt stream must not pass as a decode.
    ctx_->err_recognition = AV_EF_EXPLODE;
    // Its complaints reach the caller as the exception; keep them off the shared stderr unless
    // the process raised libav's log level to debug.
    ctx_->log_level_offset = AV_LOG_DEBUG - AV_LOG_ERROR;
    if (int err = avcodec_open2(ctx_.get(), codec, nullptr); err < 0) {
      throw Error("libavcodec: cannot open the HEVC decoder: " + av_error_text(err));
    }
    video_.info = info;
  }

  void decode(const std::vector<uint8_t>& stream) {
    if (stream.size() > static_cast<size_t>(INT_MAX - AV_INPUT_BUFFER_PADDING_SIZE)) {
      throw InputError(where_, "a stream under 2 GiB (libavcodec's limit)",
                       std::to_string(stream.size()) + " bytes");
    }
    // The parser may read up to AV_INPUT_BUFFER_PADDING_SIZE bytes past the end.
    std::vector<uint8_t> padded(stream.size() + AV_INPUT_BUFFER_PADDING_SIZE, 0);
    if (!stream.empty()) std::memcpy(padded.data(), stream.data(), stream.size());
    const uint8_t* data = padded.data();
    int left = static_cast<int>(stream.size());
    while (true) {
      const bool flushing = left <= 0;  // an empty input makes the parser return what it holds
      uint8_t* out = nullptr;
      int out_size = 0;
      const int used = av_parser_parse2(parser_.get(), ctx_.get(), &out, &out_size, flushing ? nullptr : data,
                                        flushing ? 0 : left, AV_NOPTS_VALUE, AV_NOPTS_VALUE, 0);
      if (used < 0 || (!flushing && used == 0 && out_size == 0)) {
        throw InputError(where_, "an HEVC Annex-B stream", "unparsable data");
      }
      data += used;
      left -= used;
      if (out_size > 0) send(out, out_size);
      if (flushing && out_size == 0) break;
    }
    send(nullptr, 0);
    if (video_.frame_count() != frame_count_) {
      throw InputError(where_, std::to_string(frame_count_) + " pictures",
                       std::to_string(video_.frame_count()) + " decoded");
    }
  }

  Video take() { return std::move(video_); }

 private:
  void send(uint8_t* data, int size) {
    int err = 0;
    if (data) {
      packet_->data = data;
      packet_->size = size;
      err = avcodec_send_packet(ctx_.get(), packet_.get());
    } else {
      err = avcodec_send_packet(ctx_.get(), nullptr);
    }
    if (err < 0 && err != AVERROR_EOF) {
      throw InputError(where_, "a decodable HEVC stream", "decoder error: " + av_error_text(err));
    }
    while (true) {
      err = avcodec_receive_frame(ctx_.get(), frame_.get());
      if (err == AVERROR(EAGAIN) || err == AVERROR_EOF) return;
      if (err < 0)
        throw InputError(where_, "a decodable HEVC stream", "decoder error: " + av_error_text(err));
      collect();
      av_frame_unref(frame_.get());
    }
  }

  void collect() {
    const AVFrame& f = *frame_;
    if ((f.flags & AV_FRAME_FLAG_CORRUPT) || f.decode_error_flags) {
      throw InputError(where_, "a decodable HEVC stream",
                       "corrupt picture " + std::to_string(video_.frame_count()));
    }
    if (f.width != info_.width || f.height != info_.height || f.format != pix_fmt_) {
      throw InputError(where_, "pictures of " + describe(info_.width, info_.height, pix_fmt_),
                       describe(f.width, f.height, f.format));
    }
    if (video_.frame_count() >= frame_count_) {
      throw InputError(where_, std::to_string(frame_count_) + " pictures", "more pictures in the stream");
    }
    Frame out = Frame::allocate(info_.width, info_.height, info_.format);
    const bool high = info_.format.bit_depth > 8;
    for (int p = 0; p < 3; ++p) {
      Plane& plane = out.planes[p];
      for (int y = 0; y < plane.height; ++y) {
        const uint8_t* src = f.data[p] + static_cast<ptrdiff_t>(y) * f.linesize[p];
        uint16_t* dst = plane.row(y);
        if (high) {
          std::memcpy(dst, src, sizeof(uint16_t) * plane.width);
        } else {
          for (int x = 0; x < plane.width; ++x) dst[x] = src[x];
        }
      }
    }
    video_.frames.push_back(std::move(out));
  }

  const VideoInfo& info_;
  const int frame_count_;
  const std::string& where_;
  const AVPixelFormat pix_fmt_;
  std::unique_ptr<AVCodecContext, CodecContextFree> ctx_;
  std::unique_ptr<AVCodecParserContext, ParserClose> parser_;
  std::unique_ptr<AVPacket, PacketFree> packet_;
  std::unique_ptr<AVFrame, FrameFree> frame_;
  Video video_;
};

}  // namespace

Video decode_hevc_annexb(const std::vector<uint8_t>& stream, const VideoInfo& info, int frame_count,
                         const std::string& where) {
  if (pixel_format_of(info.format) == AV_PIX_FMT_NONE) {
    throw InputError(where, "8- or 10-bit YUV video info", "another format");
  }
  HevcSession session(info, frame_count, where);
  session.decode(stream);
  return session.take();
}

}  // namespace tgvc
