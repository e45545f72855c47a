#include "harness/core/colour.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

#include "harness/core/lcg.h"

namespace tgvc {
namespace {

TEST(Colour, Bt709LimitedPrimariesRoundTrip) {
  Frame rgb = Frame::allocate(2, 2, {ChromaFormat::k444, 8, ColourFamily::kRgb});
  rgb.planes[0].at(0, 0) = 255;                              // red
  rgb.planes[1].at(1, 0) = 255;                              // green
  rgb.planes[2].at(0, 1) = 255;                              // blue
  for (int p = 0; p < 3; ++p) rgb.planes[p].at(1, 1) = 255;  // white
  const Frame yuv = rgb_to_yuv(rgb, {Matrix::kBt709, Range::kLimited}, ChromaFormat::k444);
  // BT.709 limited: red is Y=63, Cb=102, Cr=240; white is Y=235, Cb=Cr=128.
  EXPECT_EQ(yuv.planes[0].at(0, 0), 63);
  EXPECT_EQ(yuv.planes[1].at(0, 0), 102);
  EXPECT_EQ(yuv.planes[2].at(0, 0), 240);
  EXPECT_EQ(yuv.planes[0].at(1, 1), 235);
  EXPECT_EQ(yuv.planes[1].at(1, 1), 128);
  const Frame back = yuv_to_rgb(yuv, {Matrix::kBt709, Range::kLimited});
  for (int p = 0; p < 3; ++p) {
    for (size_t i = 0; i < rgb.planes[p].samples.size(); ++i) {
      EXPECT_NEAR(back.planes[p].samples[i], rgb.planes[p].samples[i], 1) << "plane " << p << " sample " << i;
    }
  }
}

TEST(Colour, Bt601FullRangeGrey) {
  Frame yuv = Frame::allocate(4, 4, {ChromaFormat::k420, 8, ColourFamily::kYuv}, 128);
  yuv.planes[0].samples.assign(16, 200);
  const Frame rgb = yuv_to_rgb(yuv, {Matrix::kBt601, Range::kFull});
  for (int p = 0; p < 3; ++p) EXPECT_EQ(rgb.planes[p].at(3, 3), 200);
}

TEST(Colour, TenBitLimitedWhite) {
  Frame yuv = Frame::allocate(2, 2, {ChromaFormat::k420, 10, ColourFamily::kYuv}, 512);
  yuv.planes[0].samples.assign(4, 940);
  const Frame rgb = yuv_to_rgb(yuv, {Matrix::kBt709, Range::kLimited});
  EXPECT_EQ(rgb.planes[1].at(0, 0), 1023);
}

TEST(Colour, SixteenBitRgbToTenBitYuvUsesTheTenBitQuantiser) {
  Frame rgb = Frame::allocate(1, 1, {ChromaFormat::k444, 16, ColourFamily::kRgb});
  rgb.planes[0].at(0, 0) = 65535;  // red
  const Frame yuv = rgb_to_yuv(rgb, {Matrix::kBt709, Range::kLimited}, ChromaFormat::k444, 10);
  EXPECT_EQ(yuv.format.bit_depth, 10);
  // Y = 64 + 876 * 0.2126 = 250.24; Cb = 512 - 896 * 0.2126 / 1.8556 = 409.34; Cr = 512 + 448.
  EXPECT_EQ(yuv.planes[0].at(0, 0), 250);
  EXPECT_EQ(yuv.planes[1].at(0, 0), 409);
  EXPECT_EQ(yuv.planes[2].at(0, 0), 960);
}

TEST(Colour, SixteenBitWhiteDoesNotOverflow) {
  Frame yuv = Frame::allocate(2, 2, {ChromaFormat::k444, 16, ColourFamily::kYuv}, 32768);
  yuv.planes[0].samples.assign(4, 235 << 8);
  const Frame rgb = yuv_to_rgb(yuv, {Matrix::kBt709, Range::kLimited});
  for (int p = 0; p < 3; ++p) EXPECT_EQ(rgb.planes[p].at(1, 1), 65535);
  const Frame from_ten = yuv_to_rgb(Frame::allocate(1, 1, {ChromaFormat::k444, 10, ColourFamily::kYuv}, 512),
                                    {Matrix::kBt709, Range::kLimited}, 16);
  EXPECT_EQ(from_ten.format.bit_depth, 16);
  // Grey: Y 512 of 10-bit limited range is (512 - 64) / 876 of white, 33515.6 of 65535.
  for (int p = 0; p < 3; ++p) EXPECT_EQ(from_ten.planes[p].at(0, 0), 33516);
}

// 16-bit RGB through 10-bit YUV 4:4:4 and back. Each step quantises: Y to 1/876, Cb and Cr to
// 1/896 of the range, so R = Y + 1.5748 Cr is off by at most (0.5/876 + 1.5748 * 0.5/896) * 65535
// = 95.0 before its own rounding (G: 61.4 with 0.1873 Cb + 0.4681 Cr; B: 105.3 with 1.8556 Cb).
TEST(Colour, SixteenBitRgbThroughTenBitYuvIsWithinTheQuantisationBound) {
  Frame rgb = Frame::allocate(64, 64, {ChromaFormat::k444, 16, ColourFamily::kRgb});
  uint32_t state = 12345;
  for (int p = 0; p < 3; ++p) {
    for (uint16_t& s : rgb.planes[p].samples) {
      state = state * 1664525u + 1013904223u;
      s = static_cast<uint16_t>(state >> 16);
    }
  }
  const ColourSpec spec{Matrix::kBt709, Range::kLimited};
  const Frame back = yuv_to_rgb(rgb_to_yuv(rgb, spec, ChromaFormat::k444, 10), spec, 16);
  const int bound[3] = {95, 61, 105};
  for (int p = 0; p < 3; ++p) {
    int worst = 0;
    for (size_t i = 0; i < rgb.planes[p].samples.size(); ++i) {
      worst =
          std::max(worst, std::abs(static_cast<int>(back.planes[p].samples[i]) - rgb.planes[p].samples[i]));
    }
    EXPECT_LE(worst, bound[p]) << "plane " << p;
    EXPECT_GT(worst, bound[p] / 4) << "plane " << p;  // a 10-bit step, not a 16-bit one
  }
}

// Both matrices in both ranges.
const ColourSpec kEverySpec[] = {{Matrix::kBt601, Range::kLimited},
                                 {Matrix::kBt601, Range::kFull},
                                 {Matrix::kBt709, Range::kLimited},
                                 {Matrix::kBt709, Range::kFull}};

// Random samples of `depth` bits in every plane of a YUV frame, a few of them out of range (the
// tables mask those), so the fast path meets every code value the reference handles.
Frame random_yuv(int width, int height, ChromaFormat chroma, int depth, uint32_t seed) {
  Frame f = Frame::allocate(width, height, {chroma, depth, ColourFamily::kYuv});
  Lcg lcg(seed);
  for (Plane& p : f.planes) {
    for (uint16_t& s : p.samples) s = static_cast<uint16_t>(lcg.next32() & ((1u << depth) - 1));
  }
  f.planes[0].samples[0] = static_cast<uint16_t>(1u << depth);  // out of range: masked like the reference
  return f;
}

TEST(Colour, FastYuvToRgbEqualsTheScalarReference) {
  const ChromaFormat chromas[] = {ChromaFormat::k420, ChromaFormat::k422, ChromaFormat::k444};
  uint32_t seed = 1;
  for (const ColourSpec& spec : kEverySpec) {
    for (ChromaFormat chroma : chromas) {
      for (int depth : {8, 10}) {
        for (int rgb_depth : {8, 10, 12, 16}) {
          const Frame yuv = random_yuv(37, 23, chroma, depth, seed++);  // odd sizes: rounded-up chroma
          const Frame fast = yuv_to_rgb(yuv, spec, rgb_depth);
          const Frame reference = yuv_to_rgb_reference(yuv, spec, rgb_depth);
          for (int p = 0; p < 3; ++p) {
            ASSERT_EQ(fast.planes[p].samples, reference.planes[p].samples)
                << "plane " << p << " " << to_string(chroma) << " " << depth << "->" << rgb_depth << " bits";
          }
          EXPECT_EQ(fast.format, reference.format);
        }
      }
    }
  }
}

// rgb_to_yuv as the BT.601 and BT.709 matrices and quantisers write it, one sample at a time:
// normalised R'G'B' (a sample above the top reads as the top), Y' = kr R' + kg G' + kb B', the
// colour differences (B' - Y') / (2 (1 - kb)) and (R' - Y') / (2 (1 - kr)) averaged over the
// positions a chroma sample covers (centre siting, raster order), every code std::lround'ed and
// clamped.
Frame rgb_to_yuv_by_formula(const Frame& rgb, ColourSpec spec, ChromaFormat chroma, int depth) {
  const double kr = spec.matrix == Matrix::kBt601 ? 0.299 : 0.2126;
  const double kb = spec.matrix == Matrix::kBt601 ? 0.114 : 0.0722;
  const double kg = 1 - kr - kb;
  const double step = std::ldexp(1.0, depth - 8), max = std::ldexp(1.0, depth) - 1;
  const bool limited = spec.range == Range::kLimited;
  const double y_scale = limited ? 219 * step : max, y_offset = limited ? 16 * step : 0;
  const double c_scale = limited ? 224 * step : max, c_offset = 128 * step;
  const auto code = [&](double v) {
    return static_cast<uint16_t>(std::clamp(std::lround(v), 0L, static_cast<long>(max)));
  };
  const int w = rgb.width(), h = rgb.height(), top = rgb.max_value();
  Frame yuv = Frame::allocate(w, h, {chroma, depth, ColourFamily::kYuv});
  std::vector<double> blue(static_cast<size_t>(w) * h), red(blue.size());
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      double n[3];
      for (int p = 0; p < 3; ++p)
        n[p] = static_cast<double>(std::min<int>(rgb.planes[p].at(x, y), top)) / top;
      const double luma = kr * n[0] + kg * n[1] + kb * n[2];
      yuv.planes[0].at(x, y) = code(y_offset + y_scale * luma);
      blue[static_cast<size_t>(y) * w + x] = (n[2] - luma) / (2 * (1 - kb));
      red[static_cast<size_t>(y) * w + x] = (n[0] - luma) / (2 * (1 - kr));
    }
  }
  const int sx = chroma == ChromaFormat::k444 ? 0 : 1, sy = chroma == ChromaFormat::k420 ? 1 : 0;
  for (int cy = 0; cy < yuv.planes[1].height; ++cy) {
    for (int cx = 0; cx < yuv.planes[1].width; ++cx) {
      double sum_b = 0, sum_r = 0;
      int count = 0;
      for (int y = cy << sy; y < std::min(h, (cy + 1) << sy); ++y) {
        for (int x = cx << sx; x < std::min(w, (cx + 1) << sx); ++x) {
          sum_b += blue[static_cast<size_t>(y) * w + x];
          sum_r += red[static_cast<size_t>(y) * w + x];
          ++count;
        }
      }
      // At 4:4:4 a sum of one value, as the conversion writes it directly.
      yuv.planes[1].at(cx, cy) = code(c_offset + c_scale * sum_b / count);
      yuv.planes[2].at(cx, cy) = code(c_offset + c_scale * sum_r / count);
    }
  }
  return yuv;
}

TEST(Colour, RgbToYuvEqualsThePerSampleFormula) {
  uint32_t seed = 1;
  for (const ColourSpec& spec : kEverySpec) {
    for (ChromaFormat chroma : {ChromaFormat::k420, ChromaFormat::k422, ChromaFormat::k444}) {
      for (int rgb_depth : {8, 10, 16}) {
        // Odd sizes (rounded-up chroma, loop remainders) and every code value, some above the top.
        Frame rgb = Frame::allocate(37, 23, {ChromaFormat::k444, rgb_depth, ColourFamily::kRgb});
        Lcg lcg(seed++);
        for (Plane& p : rgb.planes) {
          for (uint16_t& s : p.samples) s = static_cast<uint16_t>(lcg.next32() % (rgb.max_value() + 9));
        }
        for (int depth : {8, 10}) {
          const Frame fast = rgb_to_yuv(rgb, spec, chroma, depth);
          const Frame reference = rgb_to_yuv_by_formula(rgb, spec, chroma, depth);
          for (int p = 0; p < 3; ++p) {
            ASSERT_EQ(fast.planes[p].samples, reference.planes[p].samples)
                << "plane " << p << " " << to_string(chroma) << " " << rgb_depth << "->" << depth << " bits";
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace tgvc
