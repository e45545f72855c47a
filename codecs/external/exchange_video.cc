#include "codecs/external/exchange_video.h"

#include <cstdio>
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "harness/core/colour.h"
#include "harness/core/error.h"
#include "harness/core/sha256.h"
#include "harness/io/image_sequence.h"
#include "harness/io/png_writer.h"
#include "harness/io/raw_yuv_reader.h"
#include "harness/io/y4m_reader.h"
#include "harness/io/y4m_writer.h"

namespace tgvc {
namespace {

namespace fs = std::filesystem;

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

void write_yuv(const Video& video, const std::string& path) {
  std::unique_ptr<std::FILE, FileCloser> f(std::fopen(path.c_str(), "wb"));
  if (!f) throw Error("external codec: cannot write " + path);
  const bool wide = video.info.format.bit_depth > 8;
  std::vector<uint8_t> row;
  for (const Frame& frame : video.frames) {
    for (const Plane& plane : frame.planes) {
      row.resize(static_cast<size_t>(plane.width) * (wide ? 2 : 1));
      for (int y = 0; y < plane.height; ++y) {
        const uint16_t* src = plane.row(y);
        for (int x = 0; x < plane.width; ++x) {
          if (wide) {
            row[2 * x] = static_cast<uint8_t>(src[x] & 0xff);
            row[2 * x + 1] = static_cast<uint8_t>(src[x] >> 8);
          } else {
            row[x] = static_cast<uint8_t>(src[x]);
          }
        }
        if (std::fwrite(row.data(), 1, row.size(), f.get()) != row.size()) {
          throw Error("external codec: cannot write " + path);
        }
      }
    }
  }
  if (std::fflush(f.get()) != 0) throw Error("external codec: cannot write " + path);
}

std::string describe_format(const PixelFormat& f) {
  return fmt::format("{}{} {}-bit", f.family == ColourFamily::kRgb ? "RGB " : "YUV ", to_string(f.chroma),
                     f.bit_depth);
}

}  // namespace

const EnumNames<ExchangeFormat>& exchange_format_names() {
  static const EnumNames<ExchangeFormat> names = {
      {ExchangeFormat::kY4m, "y4m"}, {ExchangeFormat::kYuv, "yuv"}, {ExchangeFormat::kPng, "png"}};
  return names;
}

std::string exchange_path(const std::string& dir, const std::string& stem, ExchangeFormat format) {
  switch (format) {
    case ExchangeFormat::kY4m:
      return dir + "/" + stem + ".y4m";
    case ExchangeFormat::kYuv:
      return dir + "/" + stem + ".yuv";
    case ExchangeFormat::kPng:
      return dir + "/" + stem;
  }
  return dir + "/" + stem;
}

void write_exchange_video(const Video& video, ExchangeFormat format, const std::string& path) {
  switch (format) {
    case ExchangeFormat::kY4m:
      write_y4m(path, video);
      return;
    case ExchangeFormat::kYuv:
      write_yuv(video, path);
      return;
    case ExchangeFormat::kPng: {
      fs::create_directories(path);
      const int bits = video.info.format.bit_depth > 8 ? 16 : 8;
      for (size_t i = 0; i < video.frames.size(); ++i) {
        write_png(fmt::format("{}/im{:05d}.png", path, i + 1), video.frames[i], video.info.colour, bits);
      }
      return;
    }
  }
}

Video read_exchange_video(ExchangeFormat format, const std::string& path, const VideoInfo& expected,
                          int frames, const std::string& what) {
  const bool exists = format == ExchangeFormat::kPng ? fs::is_directory(path) : fs::is_regular_file(path);
  if (!exists) throw Error("external codec: " + what + " " + path + " was not written");
  Video video;
  try {
    switch (format) {
      case ExchangeFormat::kY4m:
        video = read_y4m(path);
        break;
      case ExchangeFormat::kYuv: {
        RawVideoFormat raw;
        raw.width = expected.width;
        raw.height = expected.height;
        raw.format = expected.format;
        raw.fps = expected.fps;
        raw.colour = expected.colour;
        video = read_raw_yuv(path, raw);
        break;
      }
      case ExchangeFormat::kPng: {
        const Video rgb = read_image_sequence(path, {}, expected.fps);
        video.info = expected;
        if (!rgb.frames.empty() && (rgb.info.width != expected.width || rgb.info.height != expected.height)) {
          video.info.width = rgb.info.width;
          video.info.height = rgb.info.height;
        }
        for (const Frame& f : rgb.frames) {
          video.frames.push_back(
              rgb_to_yuv(f, expected.colour, expected.format.chroma, expected.format.bit_depth));
        }
        break;
      }
    }
  } catch (const InputError& e) {
    throw Error("external codec: " + what + " cannot be read: " + e.what());
  }
  if (video.frame_count() != frames) {
    throw Error(fmt::format("external codec: {} has {} frames, the source {} ({})", what, video.frame_count(),
                            frames, path));
  }
  if (video.info.width != expected.width || video.info.height != expected.height) {
    throw Error(fmt::format("external codec: {} is {}x{}, the source {}x{} ({})", what, video.info.width,
                            video.info.height, expected.width, expected.height, path));
  }
  if (!video.frames.empty() && video.frames[0].format != expected.format) {
    throw Error(fmt::format("external codec: {} is {}, the source {} ({})", what,
                            describe_format(video.frames[0].format), describe_format(expected.format), path));
  }
  video.info = expected;
  return video;
}

std::string sample_digest(const Video& video) {
  Sha256 h;
  std::vector<uint8_t> bytes;
  for (const Frame& frame : video.frames) {
    for (const Plane& plane : frame.planes) {
      bytes.resize(plane.samples.size() * 2);
      for (size_t i = 0; i < plane.samples.size(); ++i) {
        bytes[2 * i] = static_cast<uint8_t>(plane.samples[i] & 0xff);
        bytes[2 * i + 1] = static_cast<uint8_t>(plane.samples[i] >> 8);
      }
      h.update(bytes.data(), bytes.size());
    }
  }
  return h.hex_digest();
}

}  // namespace tgvc
