#include "harness/io/resize.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "harness/core/error.h"
#include "harness/io/read_checks.h"
#include "harness/io/sws_picture.h"

namespace tgvc {
namespace {

constexpr ResizeFilter kFilters[] = {ResizeFilter::kBicubic, ResizeFilter::kBilinear, ResizeFilter::kLanczos,
                                     ResizeFilter::kArea, ResizeFilter::kPoint};

int sws_filter_flag(ResizeFilter filter) {
  switch (filter) {
    case ResizeFilter::kBicubic:
      return SWS_BICUBIC;
    case ResizeFilter::kBilinear:
      return SWS_BILINEAR;
    case ResizeFilter::kLanczos:
      return SWS_LANCZOS;
    case ResizeFilter::kArea:
      return SWS_AREA;
    case ResizeFilter::kPoint:
      return SWS_POINT;
  }
  return SWS_BICUBIC;
}

// Rounds `size` up to a multiple of `step` (1 or 2).
int round_up(int size, int step) {
  return (size + step - 1) / step * step;
}

}  // namespace

std::optional<ResizeMode> parse_resize_mode(const std::string& name) {
  if (name == "squash") return ResizeMode::kSquash;
  if (name == "crop") return ResizeMode::kCrop;
  return std::nullopt;
}

const char* to_string(ResizeMode mode) {
  return mode == ResizeMode::kSquash ? "squash" : "crop";
}

std::optional<ResizeFilter> parse_resize_filter(const std::string& name) {
  for (ResizeFilter filter : kFilters) {
    if (name == to_string(filter)) return filter;
  }
  return std::nullopt;
}

const char* to_string(ResizeFilter filter) {
  switch (filter) {
    case ResizeFilter::kBicubic:
      return "bicubic";
    case ResizeFilter::kBilinear:
      return "bilinear";
    case ResizeFilter::kLanczos:
      return "lanczos";
    case ResizeFilter::kArea:
      return "area";
    case ResizeFilter::kPoint:
      return "point";
  }
  return "?";
}

Video resize_video(const Video& video, int width, int height, ResizeMode mode, ResizeFilter filter) {
  const VideoInfo& info = video.info;
  const PixelFormat format = info.format;
  check_pixel_format("resize source", format);
  check_geometry("resize target", width, height);
  if (width == info.width && height == info.height) return video;

  // The scaled size before the crop; equal to the target when squashing.
  // Crop offsets and sizes stay multiples of the chroma subsampling.
  const int step_x = format.family == ColourFamily::kYuv && format.chroma != ChromaFormat::k444 ? 2 : 1;
  const int step_y = format.family == ColourFamily::kYuv && format.chroma == ChromaFormat::k420 ? 2 : 1;
  int scaled_width = width, scaled_height = height;
  if (mode == ResizeMode::kCrop) {
    const double scale =
        std::max(static_cast<double>(width) / info.width, static_cast<double>(height) / info.height);
    scaled_width = round_up(std::max(width, static_cast<int>(std::lround(info.width * scale))), step_x);
    scaled_height = round_up(std::max(height, static_cast<int>(std::lround(info.height * scale))), step_y);
    check_geometry("resize intermediate", scaled_width, scaled_height);
  }
  const int x = (scaled_width - width) / 2 / step_x * step_x;
  const int y = (scaled_height - height) / 2 / step_y * step_y;
  const bool scales = scaled_width != info.width || scaled_height != info.height;

  SwsContextPtr context;
  if (scales) {
    const AVPixelFormat av_format = av_pixel_format(format);
    context.reset(sws_getContext(info.width, info.height, av_format, scaled_width, scaled_height, av_format,
                                 sws_filter_flag(filter) | kDeterministicSwsFlags, nullptr, nullptr,
                                 nullptr));
    if (!context) {
      throw Error(fmt::format("swscale cannot scale {}x{} to {}x{}", info.width, info.height, scaled_width,
                              scaled_height));
    }
  }
  Video resized;
  resized.info = info;
  resized.info.width = width;
  resized.info.height = height;
  resized.frames.reserve(video.frames.size());
  for (const Frame& frame : video.frames) {
    if (frame.width() != info.width || frame.height() != info.height || frame.format != format) {
      throw InputError("resize source",
                       fmt::format("frames of {}x{} like the video's", info.width, info.height),
                       fmt::format("{}x{}", frame.width(), frame.height()));
    }
    const Picture source(frame);
    if (!scales) {
      resized.frames.push_back(source.crop(x, y, width, height));
      continue;
    }
    Picture scaled(scaled_width, scaled_height, format);
    sws_scale(context.get(), source.data(), source.linesize(), 0, info.height, scaled.data(),
              scaled.linesize());
    resized.frames.push_back(scaled.crop(x, y, width, height));
  }
  return resized;
}

}  // namespace tgvc
