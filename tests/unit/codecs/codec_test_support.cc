#include "tests/unit/codecs/codec_test_support.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "harness/core/error.h"
#include "harness/core/lcg.h"

namespace tgvc {
namespace testing_support {
namespace {

constexpr double kPi = 3.14159265358979323846;

// A fixed random texture (seeded), sampled with wrap-around so it can move with the pattern.
class Texture {
 public:
  explicit Texture(uint32_t seed) : values_(kSize * kSize) {
    Lcg lcg(seed);
    for (double& v : values_) v = lcg.uniform() - 0.5;
  }
  double at(int x, int y) const { return values_[wrap(y) * kSize + wrap(x)]; }

 private:
  static constexpr int kSize = 64;
  static int wrap(int v) { return ((v % kSize) + kSize) % kSize; }
  std::vector<double> values_;
};

// Luma level in 8-bit units (may be fractional: 10-bit sources keep the fraction).
double luma_level(const Texture& texture, int x, int y, int t) {
  const double u = x - 2.0 * t;  // background drifts left
  const double v = y - 1.0 * t;  // and up
  double level = 128 + 55 * std::sin(2 * kPi * u / 37.0) * std::cos(2 * kPi * v / 29.0) +
                 20 * std::sin(2 * kPi * (u + v) / 13.0) +
                 12 * texture.at(static_cast<int>(std::floor(u / 2)), static_cast<int>(std::floor(v / 2)));
  // A textured disc moving right, against the background's motion.
  const double cx = 20 + 3.0 * t, cy = 40 + std::sin(t * 0.3) * 6;
  const double r2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
  if (r2 < 18 * 18) level = 200 + 25 * texture.at(x - static_cast<int>(cx), y + 17);
  return std::min(235.0, std::max(16.0, level));
}

uint16_t to_depth(double level8, int bit_depth) {
  const double scaled = level8 * (1 << (bit_depth - 8));
  const double max_value = (1 << bit_depth) - 1;
  return static_cast<uint16_t>(std::lround(std::min(max_value, std::max(0.0, scaled))));
}

}  // namespace

Video moving_pattern(int width, int height, int frames, PixelFormat format) {
  const Texture texture(20240511u);
  Video video;
  video.info.width = width;
  video.info.height = height;
  video.info.format = format;
  video.info.fps = {30, 1};
  for (int t = 0; t < frames; ++t) {
    Frame frame = Frame::allocate(width, height, format);
    Plane& luma = frame.planes[0];
    for (int y = 0; y < height; ++y) {
      for (int x = 0; x < width; ++x)
        luma.at(x, y) = to_depth(luma_level(texture, x, y, t), format.bit_depth);
    }
    for (int p = 1; p < 3; ++p) {
      Plane& chroma = frame.planes[p];
      const double sx = static_cast<double>(width) / chroma.width,
                   sy = static_cast<double>(height) / chroma.height;
      for (int y = 0; y < chroma.height; ++y) {
        for (int x = 0; x < chroma.width; ++x) {
          const double lx = x * sx - 1.5 * t, ly = y * sy;
          const double level = p == 1 ? 128 + 40 * std::sin(2 * kPi * (lx + ly) / 90.0)
                                      : 128 + 35 * std::cos(2 * kPi * (lx - 0.5 * ly) / 70.0);
          chroma.at(x, y) = to_depth(level, format.bit_depth);
        }
      }
    }
    video.frames.push_back(std::move(frame));
  }
  return video;
}

double plane_psnr(const Video& reference, const Video& distorted, int plane) {
  double squared = 0;
  size_t count = 0;
  for (size_t f = 0; f < reference.frames.size() && f < distorted.frames.size(); ++f) {
    const std::vector<uint16_t>& a = reference.frames[f].planes[plane].samples;
    const std::vector<uint16_t>& b = distorted.frames[f].planes[plane].samples;
    for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
      const double d = static_cast<double>(a[i]) - b[i];
      squared += d * d;
    }
    count += a.size();
  }
  if (squared == 0) return std::numeric_limits<double>::infinity();
  const double peak = (1 << reference.info.format.bit_depth) - 1;
  return 10 * std::log10(peak * peak / (squared / count));
}

Encoded encode_with(const Codec& codec, const Video& source,
                    const std::map<std::string, std::string>& given) {
  return codec.encode(source, ParamSet::resolve(codec.param_specs(), given, codec.id()));
}

void expect_same_shape(const Video& source, const Video& decoded) {
  ASSERT_EQ(decoded.frame_count(), source.frame_count());
  EXPECT_EQ(decoded.info.width, source.info.width);
  EXPECT_EQ(decoded.info.height, source.info.height);
  EXPECT_EQ(decoded.info.format, source.info.format);
  for (const Frame& frame : decoded.frames) {
    ASSERT_EQ(frame.format, source.info.format);
    for (int p = 0; p < 3; ++p) {
      ASSERT_EQ(frame.planes[p].width, source.frames[0].planes[p].width);
      ASSERT_EQ(frame.planes[p].height, source.frames[0].planes[p].height);
    }
  }
}

bool identical(const Video& a, const Video& b) {
  if (a.frame_count() != b.frame_count()) return false;
  for (int f = 0; f < a.frame_count(); ++f) {
    for (int p = 0; p < 3; ++p) {
      if (a.frames[f].planes[p].samples != b.frames[f].planes[p].samples) return false;
    }
  }
  return true;
}

int decode_damaged_copies(const Codec& codec, const Encoded& good, int frames) {
  Lcg lcg(7);
  int errors = 0;
  for (int trial = 0; trial < 24; ++trial) {
    Encoded damaged = good;
    for (int flips = 0; flips < 1 + trial % 4; ++flips) {
      damaged.bitstream[lcg.next() % damaged.bitstream.size()] ^= static_cast<uint8_t>(1 + lcg.next() % 255);
    }
    if (trial % 3 == 0) damaged.bitstream.resize(lcg.next() % damaged.bitstream.size());
    try {
      EXPECT_EQ(codec.decode(damaged).frame_count(), frames);
    } catch (const Error&) {
      ++errors;
    }
  }
  return errors;
}

}  // namespace testing_support
}  // namespace tgvc
