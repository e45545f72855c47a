#include "harness/io/ffmpeg_reader.h"

extern "C" {
#include <libavutil/imgutils.h>
#include <libavutil/mem.h>
#include <libavutil/pixdesc.h>
}

#include <cstring>

#include <fmt/format.h>

#include "harness/core/error.h"
#include "harness/io/ffmpeg_decoder.h"
#include "harness/io/read_checks.h"
#include "harness/io/sws_picture.h"

namespace tgvc {
namespace {

// How a decoded pixel format is read: YUV stays YUV, RGB and palettes become our RGB, grey
// becomes RGB with R = G = B.
enum class SourceKind { kYuv, kRgb, kGrey };

SourceKind source_kind(const AVPixFmtDescriptor* d) {
  if (!d) return SourceKind::kYuv;
  if ((d->flags & (AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PAL)) != 0) return SourceKind::kRgb;
  return d->nb_components < 3 ? SourceKind::kGrey : SourceKind::kYuv;
}

SourceKind source_kind(int format) {
  return source_kind(av_pix_fmt_desc_get(static_cast<AVPixelFormat>(format)));
}

PixelFormat output_format(AVPixelFormat source) {
  const AVPixFmtDescriptor* d = av_pix_fmt_desc_get(source);
  if (d && source_kind(d) != SourceKind::kYuv) {
    return {ChromaFormat::k444, d->comp[0].depth <= 8 ? 8 : 16, ColourFamily::kRgb};
  }
  if (!d || d->comp[0].depth <= 8) return {ChromaFormat::k420, 8, ColourFamily::kYuv};
  const bool full_chroma = d->log2_chroma_w == 0 && d->log2_chroma_h == 0;
  return {full_chroma ? ChromaFormat::k444 : ChromaFormat::k420, 10, ColourFamily::kYuv};
}

Matrix matrix_for(AVColorSpace space, int height) {
  switch (space) {
    case AVCOL_SPC_BT470BG:
    case AVCOL_SPC_SMPTE170M:
    case AVCOL_SPC_FCC:
      return Matrix::kBt601;
    case AVCOL_SPC_UNSPECIFIED:
    case AVCOL_SPC_RESERVED:
      return height < 720 ? Matrix::kBt601 : Matrix::kBt709;
    default:
      return Matrix::kBt709;
  }
}

ColourSpec colour_for(const AVFrame& frame, const AVCodecParameters& parameters) {
  const AVColorSpace space =
      frame.colorspace != AVCOL_SPC_UNSPECIFIED ? frame.colorspace : parameters.color_space;
  const AVPixFmtDescriptor* d = av_pix_fmt_desc_get(static_cast<AVPixelFormat>(frame.format));
  if (source_kind(d) != SourceKind::kYuv) {  // RGB samples: the spec is for a later YUV conversion
    return {matrix_for(AVCOL_SPC_UNSPECIFIED, frame.height), Range::kLimited};
  }
  const bool jpeg_format = d && std::string(d->name).rfind("yuvj", 0) == 0;
  const bool full =
      jpeg_format || frame.color_range == AVCOL_RANGE_JPEG ||
      (frame.color_range == AVCOL_RANGE_UNSPECIFIED && parameters.color_range == AVCOL_RANGE_JPEG);
  return {matrix_for(space, frame.height), full ? Range::kFull : Range::kLimited};
}

Rational frame_rate(const AVStream& stream, const std::string& path) {
  for (AVRational rate : {stream.avg_frame_rate, stream.r_frame_rate}) {
    if (rate.num > 0 && rate.den > 0) return {rate.num, rate.den};
  }
  throw InputError(path, "a stream with a frame rate", "none");
}

// The yuvj formats are their yuv twins in full range; swscale wants the twin and the range.
AVPixelFormat without_jpeg_range(AVPixelFormat format) {
  switch (format) {
    case AV_PIX_FMT_YUVJ420P:
      return AV_PIX_FMT_YUV420P;
    case AV_PIX_FMT_YUVJ422P:
      return AV_PIX_FMT_YUV422P;
    case AV_PIX_FMT_YUVJ444P:
      return AV_PIX_FMT_YUV444P;
    case AV_PIX_FMT_YUVJ440P:
      return AV_PIX_FMT_YUV440P;
    case AV_PIX_FMT_YUVJ411P:
      return AV_PIX_FMT_YUV411P;
    default:
      return format;
  }
}

std::string pixel_format_name(int format) {
  const char* name = av_get_pix_fmt_name(static_cast<AVPixelFormat>(format));
  return name ? name : "an unknown pixel format";
}

// Converts decoded frames to the video's format and size.
class FrameConverter {
 public:
  explicit FrameConverter(const VideoInfo& info) : info_(info) {}

  Frame convert(const AVFrame& source) {
    const AVPixelFormat target = av_pixel_format(info_.format);
    const AVPixelFormat source_format = without_jpeg_range(static_cast<AVPixelFormat>(source.format));
    if (source_format == target && source.width == info_.width && source.height == info_.height) {
      return frame_from_planes(source.data, source.linesize, 0, 0, info_.width, info_.height, info_.format);
    }
    if (info_.format.family == ColourFamily::kRgb) return rgb_via_packed(source);
    prepare(source, source_format, target, info_.colour.range == Range::kFull);
    Picture picture(info_.width, info_.height, info_.format);
    sws_scale(context_.get(), source.data, source.linesize, 0, source.height, picture.data(),
              picture.linesize());
    return picture.crop(0, 0, info_.width, info_.height);
  }

 private:
  // A context from the source to `target` at the video's size; `full` range on both sides, so a
  // change of bit depth or layout never changes the range.
  void prepare(const AVFrame& source, AVPixelFormat source_format, AVPixelFormat target, bool full) {
    context_.reset(sws_getCachedContext(context_.release(), source.width, source.height, source_format,
                                        info_.width, info_.height, target,
                                        SWS_BICUBIC | kDeterministicSwsFlags, nullptr, nullptr, nullptr));
    if (!context_) {
      throw Error(fmt::format("swscale cannot convert {} to {}", pixel_format_name(source.format),
                              pixel_format_name(target)));
    }
    const int* coefficients =
        sws_getCoefficients(info_.colour.matrix == Matrix::kBt601 ? SWS_CS_ITU601 : SWS_CS_ITU709);
    sws_setColorspaceDetails(context_.get(), coefficients, full, coefficients, full, 0, 1 << 16, 1 << 16);
  }

  // RGB, palette and grey sources go through a packed format that swscale reaches by its exact
  // unscaled paths (a palette lookup, a channel shuffle, a byte swap, dropping alpha), never
  // through YUV: rgb24/rgb48 for colour, gray8/gray16 for grey (then R = G = B).
  Frame rgb_via_packed(const AVFrame& source) {
    const bool grey = source_kind(source.format) == SourceKind::kGrey;
    const bool wide = info_.format.bit_depth > 8;
    const AVPixelFormat packed =
        grey ? (wide ? AV_PIX_FMT_GRAY16 : AV_PIX_FMT_GRAY8) : (wide ? AV_PIX_FMT_RGB48 : AV_PIX_FMT_RGB24);
    const int channels = grey ? 1 : 3;
    prepare(source, static_cast<AVPixelFormat>(source.format), packed, true);
    uint8_t* data[4] = {};
    int linesize[4] = {};
    if (av_image_alloc(data, linesize, info_.width, info_.height, packed, 64) < 0) {
      throw Error("av_image_alloc failed for a packed RGB picture");
    }
    sws_scale(context_.get(), source.data, source.linesize, 0, source.height, data, linesize);
    Frame frame = Frame::allocate(info_.width, info_.height, info_.format);
    for (int y = 0; y < info_.height; ++y) {
      const uint8_t* row = data[0] + static_cast<ptrdiff_t>(y) * linesize[0];
      for (int c = 0; c < channels; ++c) {
        uint16_t* out = frame.planes[c].row(y);
        for (int x = 0; x < info_.width; ++x) {
          const int at = x * channels + c;
          if (wide) {
            uint16_t v;
            std::memcpy(&v, row + 2 * at, sizeof v);  // native endian
            out[x] = v;
          } else {
            out[x] = row[at];
          }
        }
      }
    }
    av_freep(&data[0]);
    if (grey) frame.planes[1] = frame.planes[2] = frame.planes[0];
    return frame;
  }

  VideoInfo info_;
  SwsContextPtr context_;
};

class FfmpegFrameReader final : public FrameReader {
 public:
  FfmpegFrameReader(const std::string& path, FrameRange range)
      : FrameReader(path), range_(range), decoder_(checked(path, range)) {
    for (; decoded_ < range.start; ++decoded_) {
      if (!decoder_.next()) break;
    }
    // The first frame of the range tells the format; it waits for the first next().
    pending_ = decoder_.next();
    if (!pending_) resolve_frame_count(path, range, decoded_);  // throws: the range starts past the end
    const AVFrame& frame = *decoder_.frame();
    info_.format = output_format(static_cast<AVPixelFormat>(frame.format));
    check_geometry(path, frame.width, frame.height);
    info_.width = frame.width;
    info_.height = frame.height;
    info_.fps = frame_rate(*decoder_.stream(), path);
    info_.colour = colour_for(frame, *decoder_.stream()->codecpar);
    converter_ = std::make_unique<FrameConverter>(info_);
  }

  bool next(Frame* frame) override {
    if (range_.count >= 0 && read_ == range_.count) return false;
    if (!pending_ && !decoder_.next()) {
      if (range_.count > 0) resolve_frame_count(path(), range_, decoded_);  // throws: too few frames
      return false;
    }
    pending_ = false;
    *frame = converter_->convert(*decoder_.frame());
    ++decoded_;
    ++read_;
    return true;
  }

 private:
  static const std::string& checked(const std::string& path, FrameRange range) {
    check_frame_range(path, range);
    return path;
  }

  FrameRange range_;
  FfmpegDecoder decoder_;
  std::unique_ptr<FrameConverter> converter_;
  bool pending_ = false;  // the decoder holds a frame no next() has returned yet
  int decoded_ = 0;       // frames of the file decoded and consumed
  int read_ = 0;          // frames of the range returned
};

}  // namespace

std::unique_ptr<FrameReader> open_ffmpeg(const std::string& path, FrameRange range) {
  return std::make_unique<FfmpegFrameReader>(path, range);
}

Video read_ffmpeg(const std::string& path, FrameRange range) {
  return read_remaining(*open_ffmpeg(path, range));
}

}  // namespace tgvc
