#include "harness/io/ffmpeg_reader.h"

extern "C" {
#include <libavutil/pixdesc.h>
}

#include <fmt/format.h>

#include "harness/core/error.h"
#include "harness/io/ffmpeg_decoder.h"
#include "harness/io/read_checks.h"
#include "harness/io/sws_picture.h"

namespace tgvc {
namespace {

bool is_rgb_or_grey(const AVPixFmtDescriptor* d) {
  return (d->flags & (AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PAL)) != 0 || d->nb_components < 3;
}

PixelFormat output_format(AVPixelFormat source) {
  const AVPixFmtDescriptor* d = av_pix_fmt_desc_get(source);
  if (!d || is_rgb_or_grey(d) || d->comp[0].depth <= 8) return {ChromaFormat::k420, 8, ColourFamily::kYuv};
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
  if (d && is_rgb_or_grey(d) && d->nb_components >= 3) {  // RGB or palette: we choose the YUV
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
    context_.reset(sws_getCachedContext(context_.release(), source.width, source.height, source_format,
                                        info_.width, info_.height, target,
                                        SWS_BICUBIC | kDeterministicSwsFlags, nullptr, nullptr, nullptr));
    if (!context_) {
      throw Error(fmt::format("swscale cannot convert {} to {}", pixel_format_name(source.format),
                              pixel_format_name(target)));
    }
    const int* coefficients =
        sws_getCoefficients(info_.colour.matrix == Matrix::kBt601 ? SWS_CS_ITU601 : SWS_CS_ITU709);
    const int full = info_.colour.range == Range::kFull ? 1 : 0;
    sws_setColorspaceDetails(context_.get(), coefficients, full, coefficients, full, 0, 1 << 16, 1 << 16);
    Picture picture(info_.width, info_.height, info_.format);
    sws_scale(context_.get(), source.data, source.linesize, 0, source.height, picture.data(),
              picture.linesize());
    return picture.crop(0, 0, info_.width, info_.height);
  }

 private:
  VideoInfo info_;
  SwsContextPtr context_;
};

}  // namespace

Video read_ffmpeg(const std::string& path, FrameRange range) {
  check_frame_range(path, range);
  FfmpegDecoder decoder(path);
  int decoded = 0;
  for (; decoded < range.start; ++decoded) {
    if (!decoder.next()) break;
  }
  Video video;
  std::unique_ptr<FrameConverter> converter;
  while ((range.count < 0 || video.frame_count() < range.count) && decoder.next()) {
    const AVFrame& frame = *decoder.frame();
    if (!converter) {
      VideoInfo& info = video.info;
      info.format = output_format(static_cast<AVPixelFormat>(frame.format));
      check_geometry(path, frame.width, frame.height, info.format.chroma);
      info.width = frame.width;
      info.height = frame.height;
      info.fps = frame_rate(*decoder.stream(), path);
      info.colour = colour_for(frame, *decoder.stream()->codecpar);
      converter = std::make_unique<FrameConverter>(info);
    }
    check_sample_budget(path, video.frame_count(), video.info);
    video.frames.push_back(converter->convert(frame));
    ++decoded;
  }
  if (video.frames.empty() || (range.count > 0 && video.frame_count() < range.count)) {
    resolve_frame_count(path, range, decoded);
  }
  return video;
}

}  // namespace tgvc
