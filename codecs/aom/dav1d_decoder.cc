#include "codecs/aom/dav1d_decoder.h"

#include <dav1d/dav1d.h>

#include <cerrno>
#include <cstring>

#include "codecs/aom/obu_stream.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

Dav1dPixelLayout layout_of(ChromaFormat chroma) {
  switch (chroma) {
    case ChromaFormat::k420:
      return DAV1D_PIXEL_LAYOUT_I420;
    case ChromaFormat::k422:
      return DAV1D_PIXEL_LAYOUT_I422;
    case ChromaFormat::k444:
      return DAV1D_PIXEL_LAYOUT_I444;
  }
  return DAV1D_PIXEL_LAYOUT_I400;
}

const char* layout_name(Dav1dPixelLayout layout) {
  switch (layout) {
    case DAV1D_PIXEL_LAYOUT_I400:
      return "4:0:0";
    case DAV1D_PIXEL_LAYOUT_I420:
      return "4:2:0";
    case DAV1D_PIXEL_LAYOUT_I422:
      return "4:2:2";
    case DAV1D_PIXEL_LAYOUT_I444:
      return "4:4:4";
  }
  return "?";
}

std::string describe(int width, int height, Dav1dPixelLayout layout, int bpc) {
  return std::to_string(width) + "x" + std::to_string(height) + " " + layout_name(layout) + " " +
         std::to_string(bpc) + "-bit";
}

// Owns a dav1d context; collects and checks its pictures.
class Dav1dSession {
 public:
  Dav1dSession(const VideoInfo& info, int frame_count, const std::string& where)
      : info_(info), frame_count_(frame_count), where_(where) {
    Dav1dSettings settings;
    dav1d_default_settings(&settings);
    settings.n_threads = 1;
    settings.max_frame_delay = 1;
    settings.all_layers = 0;
    // Bounds what a corrupt sequence header can make dav1d allocate.
    settings.frame_size_limit = static_cast<unsigned>(info.width) * static_cast<unsigned>(info.height);
    settings.strict_std_compliance = 1;
    settings.logger.callback = nullptr;  // failures are reported through return codes
    if (int err = dav1d_open(&ctx_, &settings); err < 0) {
      throw Error("dav1d: cannot open a decoder: " + std::string(std::strerror(-err)));
    }
    video_.info = info;
  }
  ~Dav1dSession() { dav1d_close(&ctx_); }
  Dav1dSession(const Dav1dSession&) = delete;
  Dav1dSession& operator=(const Dav1dSession&) = delete;

  void send(const uint8_t* bytes, size_t size) {
    Dav1dData data = {};
    uint8_t* buffer = dav1d_data_create(&data, size);
    if (!buffer) throw Error("dav1d: out of memory");
    std::memcpy(buffer, bytes, size);
    while (data.sz > 0) {
      const int err = dav1d_send_data(ctx_, &data);
      if (err < 0 && err != DAV1D_ERR(EAGAIN)) {
        dav1d_data_unref(&data);
        throw corrupt(err);
      }
      // EAGAIN: dav1d holds a picture to hand out before it takes more data.
      if (!receive() && err == DAV1D_ERR(EAGAIN)) {
        dav1d_data_unref(&data);
        throw Error("dav1d: refused data without producing a picture");
      }
    }
  }

  void drain() {
    while (receive()) {
    }
    if (video_.frame_count() != frame_count_) {
      throw InputError(where_, std::to_string(frame_count_) + " frames",
                       std::to_string(video_.frame_count()) + " decoded");
    }
  }

  Video take() { return std::move(video_); }

 private:
  InputError corrupt(int err) const {
    return InputError(where_, "a decodable AV1 stream", "dav1d error: " + std::string(std::strerror(-err)));
  }

  // One picture if dav1d has one ready; false when it needs more data.
  bool receive() {
    Dav1dPicture picture = {};
    const int err = dav1d_get_picture(ctx_, &picture);
    if (err == DAV1D_ERR(EAGAIN)) return false;
    if (err < 0) throw corrupt(err);
    try {
      collect(picture);
    } catch (...) {
      dav1d_picture_unref(&picture);
      throw;
    }
    dav1d_picture_unref(&picture);
    return true;
  }

  void collect(const Dav1dPicture& picture) {
    const Dav1dPictureParameters& p = picture.p;
    const Dav1dPixelLayout layout = layout_of(info_.format.chroma);
    if (p.w != info_.width || p.h != info_.height || p.layout != layout || p.bpc != info_.format.bit_depth) {
      throw InputError(where_,
                       "frames of " + describe(info_.width, info_.height, layout, info_.format.bit_depth),
                       describe(p.w, p.h, p.layout, p.bpc));
    }
    if (video_.frame_count() >= frame_count_) {
      throw InputError(where_, std::to_string(frame_count_) + " frames", "more frames in the stream");
    }
    Frame out = Frame::allocate(info_.width, info_.height, info_.format);
    for (int plane_index = 0; plane_index < 3; ++plane_index) {
      Plane& plane = out.planes[plane_index];
      const ptrdiff_t stride = picture.stride[plane_index == 0 ? 0 : 1];
      const auto* base = static_cast<const uint8_t*>(picture.data[plane_index]);
      for (int y = 0; y < plane.height; ++y) {
        const uint8_t* src = base + y * stride;
        uint16_t* dst = plane.row(y);
        if (p.bpc > 8) {
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
  Dav1dContext* ctx_ = nullptr;
  Video video_;
};

}  // namespace

Video decode_av1_dav1d(const std::vector<uint8_t>& stream, const VideoInfo& info, int frame_count,
                       const std::string& where) {
  if (info.format.family != ColourFamily::kYuv ||
      (info.format.bit_depth != 8 && info.format.bit_depth != 10)) {
    throw InputError(where, "8- or 10-bit YUV video info", "another format");
  }
  const std::vector<TemporalUnit> units = split_temporal_units(stream, where);
  Dav1dSession session(info, frame_count, where);
  for (const TemporalUnit& unit : units) session.send(stream.data() + unit.offset, unit.size);
  session.drain();
  return session.take();
}

}  // namespace tgvc
