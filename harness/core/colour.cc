#include "harness/core/colour.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <vector>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

#include "harness/core/sample_rounding.h"
#include "harness/core/vector_clones.h"

namespace tgvc {
namespace {

struct Coefficients {
  double kr;
  double kb;
};

Coefficients coefficients(Matrix matrix) {
  return matrix == Matrix::kBt601 ? Coefficients{0.299, 0.114} : Coefficients{0.2126, 0.0722};
}

// Scale and offsets that map normalised Y' in [0,1] and Cb/Cr in [-0.5,0.5] to code values.
struct Quantiser {
  double y_scale, y_offset, c_scale, c_offset, max;
};

Quantiser quantiser(Range range, int bit_depth) {
  const double s = std::ldexp(1.0, bit_depth - 8);
  const double max = std::ldexp(1.0, bit_depth) - 1;
  if (range == Range::kLimited) return {219 * s, 16 * s, 224 * s, 128 * s, max};
  return {max, 0, max, 128 * s, max};
}

// One row of R'G'B' to normalised Y' in [0, 1] and colour differences in [-0.5, 0.5], each value
// computed as the per-sample formula writes it (the same operations in the same order).
TGVC_VECTOR_CLONES
void rgb_row_to_normalised(const uint16_t* __restrict in_r, const uint16_t* __restrict in_g,
                           const uint16_t* __restrict in_b, int width, Coefficients k, int rgb_max_code,
                           double* __restrict luma, double* __restrict blue, double* __restrict red) {
  const double kr = k.kr, kb = k.kb, kg = 1 - k.kr - k.kb;
  const double blue_divisor = 2 * (1 - kb), red_divisor = 2 * (1 - kr);
  const double rgb_max = rgb_max_code;
  const auto top = static_cast<uint16_t>(rgb_max_code);  // a sample above it reads as the top
  for (int x = 0; x < width; ++x) {
    const double r = static_cast<double>(std::min(in_r[x], top)) / rgb_max;
    const double g = static_cast<double>(std::min(in_g[x], top)) / rgb_max;
    const double b = static_cast<double>(std::min(in_b[x], top)) / rgb_max;
    const double y = kr * r + kg * g + kb * b;
    luma[x] = y;
    blue[x] = (b - y) / blue_divisor;
    red[x] = (r - y) / red_divisor;
  }
}

int chroma_shift_x(ChromaFormat c) {
  return c == ChromaFormat::k444 ? 0 : 1;
}
int chroma_shift_y(ChromaFormat c) {
  return c == ChromaFormat::k420 ? 1 : 0;
}

// Per-code-value contributions to R, G, B in 16.16 fixed point (already scaled to the output
// range), so that a pixel costs five table reads and integer adds. Rounding the table entries
// moves a result by at most 3/65536 of a code value. 64-bit: a 16-bit output times 2^16
// overflows 32 bits.
constexpr int kFractionBits = 16;

struct YuvToRgbTables {
  std::vector<int64_t> luma, r_from_cr, g_from_cb, g_from_cr, b_from_cb;

  // Indexed by YUV code values of `yuv_bit_depth`; entries scaled to RGB codes of `rgb_max`.
  YuvToRgbTables(ColourSpec spec, int yuv_bit_depth, double rgb_max) {
    const Coefficients k = coefficients(spec.matrix);
    const Quantiser q = quantiser(spec.range, yuv_bit_depth);
    const double kg = 1 - k.kr - k.kb;
    const size_t codes = size_t{1} << yuv_bit_depth;
    const double one = 1 << kFractionBits;
    const auto fixed = [one](double v) { return static_cast<int64_t>(std::llround(v * one)); };
    for (size_t v = 0; v < codes; ++v) {
      const double c = (static_cast<double>(v) - q.c_offset) / q.c_scale;
      // The half for rounding rides on the luma entry.
      luma.push_back(fixed((static_cast<double>(v) - q.y_offset) / q.y_scale * rgb_max + 0.5));
      r_from_cr.push_back(fixed(2 * (1 - k.kr) * c * rgb_max));
      b_from_cb.push_back(fixed(2 * (1 - k.kb) * c * rgb_max));
      g_from_cb.push_back(fixed(-k.kb * 2 * (1 - k.kb) * c / kg * rgb_max));
      g_from_cr.push_back(fixed(-k.kr * 2 * (1 - k.kr) * c / kg * rgb_max));
    }
  }
};

// The same tables in int32 for the fast path, when no entry or sum of a luma and the chroma entries
// of one pixel can leave int32 (every depth up to 12 bits of RGB output does fit).
struct NarrowTables {
  std::vector<int32_t> luma, r_from_cr, g_from_cb, g_from_cr, b_from_cb;
};

bool fits_int32(const YuvToRgbTables& t) {
  const auto largest = [](const std::vector<int64_t>& v) {
    int64_t m = 0;
    for (int64_t e : v) m = std::max(m, e < 0 ? -e : e);
    return m;
  };
  const int64_t bound = largest(t.luma) + largest(t.r_from_cr) + largest(t.g_from_cb) + largest(t.g_from_cr) +
                        largest(t.b_from_cb);
  return bound < (int64_t{1} << 31) - 1;
}

NarrowTables narrow(const YuvToRgbTables& t) {
  const auto to32 = [](const std::vector<int64_t>& v) { return std::vector<int32_t>(v.begin(), v.end()); };
  return {to32(t.luma), to32(t.r_from_cr), to32(t.g_from_cb), to32(t.g_from_cr), to32(t.b_from_cb)};
}

// Per row of the output: each pixel's luma entry and its chroma sample's red, green and blue
// entries, spread to the luma width, so that the last step is one branch-free loop over int32 lanes.
struct RowSums {
  std::vector<int32_t> luma, red, green, blue;
  explicit RowSums(int width) : luma(width), red(width), green(width), blue(width) {}
};

// (l + c) >> 16 clamped to [0, max]: the reference path's arithmetic in int32 (the sums fit, see
// fits_int32). Written for the compiler to vectorise: add, shift, min, max and narrow.
TGVC_VECTOR_CLONES void combine_row(const int32_t* luma, const int32_t* chroma, int width, int32_t max,
                                    uint16_t* out) {
  for (int x = 0; x < width; ++x) {
    const int32_t v = (luma[x] + chroma[x]) >> kFractionBits;
    out[x] = static_cast<uint16_t>(std::min(std::max(v, 0), max));
  }
}

// Each chroma sample's red, green and blue entries, for the 1 or 2 luma positions it covers
// (`shift` 0 or 1), from chroma sample `first` (at luma position first << shift) on.
void chroma_entries(const uint16_t* cb, const uint16_t* cr, int first, int width, int shift, uint32_t mask,
                    const NarrowTables& t, RowSums* sums) {
  const int step = 1 << shift;
#pragma GCC unroll 4
  for (int x = first << shift, cx = first; x < width; x += step, ++cx) {
    const uint32_t u = cb[cx] & mask;
    const uint32_t v = cr[cx] & mask;
    const int32_t red = t.r_from_cr[v];
    const int32_t green = t.g_from_cb[u] + t.g_from_cr[v];
    const int32_t blue = t.b_from_cb[u];
    sums->red[x] = red;
    sums->green[x] = green;
    sums->blue[x] = blue;
    if (step == 2 && x + 1 < width) {
      sums->red[x + 1] = red;
      sums->green[x + 1] = green;
      sums->blue[x + 1] = blue;
    }
  }
}

#if defined(__x86_64__) && defined(__GNUC__)
// Eight table indices: eight codes, masked.
__attribute__((target("avx2"))) inline __m256i eight_indices(const uint16_t* codes, __m256i masks) {
  return _mm256_and_si256(_mm256_cvtepu16_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(codes))),
                          masks);
}

// Stores the entries of chroma samples cx..cx+7 at their luma positions (each twice when `shift` is 1).
__attribute__((target("avx2"))) inline void store_entries(int32_t* row, int cx, int shift, __m256i entries) {
  if (shift == 0) {
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(row + cx), entries);
    return;
  }
  const __m256i low = _mm256_setr_epi32(0, 0, 1, 1, 2, 2, 3, 3);
  const __m256i high = _mm256_setr_epi32(4, 4, 5, 5, 6, 6, 7, 7);
  _mm256_storeu_si256(reinterpret_cast<__m256i*>(row + 2 * cx), _mm256_permutevar8x32_epi32(entries, low));
  _mm256_storeu_si256(reinterpret_cast<__m256i*>(row + 2 * cx + 8),
                      _mm256_permutevar8x32_epi32(entries, high));
}

// chroma_entries with AVX2 gathers, eight chroma samples at a time.
__attribute__((target("avx2"))) void chroma_entries_avx2(const uint16_t* cb, const uint16_t* cr, int width,
                                                         int shift, uint32_t mask, const NarrowTables& t,
                                                         RowSums* sums) {
  const __m256i masks = _mm256_set1_epi32(static_cast<int>(mask));
  int cx = 0;
  for (; ((cx + 8) << shift) <= width; cx += 8) {  // every position written lies inside the row
    const __m256i u = eight_indices(cb + cx, masks);
    const __m256i v = eight_indices(cr + cx, masks);
    store_entries(sums->red.data(), cx, shift, _mm256_i32gather_epi32(t.r_from_cr.data(), v, 4));
    store_entries(sums->green.data(), cx, shift,
                  _mm256_add_epi32(_mm256_i32gather_epi32(t.g_from_cb.data(), u, 4),
                                   _mm256_i32gather_epi32(t.g_from_cr.data(), v, 4)));
    store_entries(sums->blue.data(), cx, shift, _mm256_i32gather_epi32(t.b_from_cb.data(), u, 4));
  }
  chroma_entries(cb, cr, cx, width, shift, mask, t, sums);
}
#endif

// out[x] = table[codes[x] & mask], the plain loop.
void look_up(const uint16_t* codes, int count, uint32_t mask, const int32_t* table, int32_t* out) {
#pragma GCC unroll 8
  for (int x = 0; x < count; ++x) out[x] = table[codes[x] & mask];
}

#if defined(__x86_64__) && defined(__GNUC__)
// The same with AVX2 gathers, eight at a time (compilers do not vectorise table look-ups by
// themselves for generic x86-64 tuning).
__attribute__((target("avx2"))) void look_up_avx2(const uint16_t* codes, int count, uint32_t mask,
                                                  const int32_t* table, int32_t* out) {
  const __m256i masks = _mm256_set1_epi32(static_cast<int>(mask));
  int x = 0;
  for (; x + 8 <= count; x += 8) {
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + x),
                        _mm256_i32gather_epi32(table, eight_indices(codes + x, masks), 4));
  }
  look_up(codes + x, count - x, mask, table, out + x);
}

void look_up_row(const uint16_t* codes, int count, uint32_t mask, const int32_t* table, int32_t* out) {
  static const bool avx2 = __builtin_cpu_supports("avx2");
  if (avx2) {
    look_up_avx2(codes, count, mask, table, out);
  } else {
    look_up(codes, count, mask, table, out);
  }
}
#else
void look_up_row(const uint16_t* codes, int count, uint32_t mask, const int32_t* table, int32_t* out) {
  look_up(codes, count, mask, table, out);
}
#endif

void chroma_row_entries(const uint16_t* cb, const uint16_t* cr, int width, int shift, uint32_t mask,
                        const NarrowTables& t, RowSums* sums) {
#if defined(__x86_64__) && defined(__GNUC__)
  static const bool avx2 = __builtin_cpu_supports("avx2");
  if (avx2) {
    chroma_entries_avx2(cb, cr, width, shift, mask, t, sums);
    return;
  }
#endif
  chroma_entries(cb, cr, 0, width, shift, mask, t, sums);
}

void fast_yuv_to_rgb(const Frame& yuv, const NarrowTables& t, Frame* rgb, int64_t max) {
  const size_t mask = t.luma.size() - 1;
  const int sx = chroma_shift_x(yuv.format.chroma);
  const int sy = chroma_shift_y(yuv.format.chroma);
  const int width = yuv.width();
  RowSums sums(width);
  int chroma_row = -1;
  for (int y = 0; y < yuv.height(); ++y) {
    if ((y >> sy) != chroma_row) {  // 4:2:0 shares a chroma row between two luma rows
      chroma_row = y >> sy;
      chroma_row_entries(yuv.planes[1].row(chroma_row), yuv.planes[2].row(chroma_row), width, sx,
                         static_cast<uint32_t>(mask), t, &sums);
    }
    const uint16_t* luma = yuv.planes[0].row(y);
    look_up_row(luma, width, static_cast<uint32_t>(mask), t.luma.data(), sums.luma.data());
    const int32_t top = static_cast<int32_t>(max);
    combine_row(sums.luma.data(), sums.red.data(), width, top, rgb->planes[0].row(y));
    combine_row(sums.luma.data(), sums.green.data(), width, top, rgb->planes[1].row(y));
    combine_row(sums.luma.data(), sums.blue.data(), width, top, rgb->planes[2].row(y));
  }
}

}  // namespace

Frame yuv_to_rgb(const Frame& yuv, ColourSpec spec) {
  return yuv_to_rgb(yuv, spec, yuv.format.bit_depth);
}

Frame yuv_to_rgb(const Frame& yuv, ColourSpec spec, int rgb_bit_depth) {
  Frame rgb;
  yuv_to_rgb_into(yuv, spec, rgb_bit_depth, &rgb);
  return rgb;
}

void yuv_to_rgb_into(const Frame& yuv, ColourSpec spec, int rgb_bit_depth, Frame* rgb) {
  assert(yuv.format.family == ColourFamily::kYuv);
  const int64_t max = (int64_t{1} << rgb_bit_depth) - 1;
  const YuvToRgbTables t(spec, yuv.format.bit_depth, static_cast<double>(max));
  if (!fits_int32(t)) {
    *rgb = yuv_to_rgb_reference(yuv, spec, rgb_bit_depth);
    return;
  }
  const PixelFormat format{ChromaFormat::k444, rgb_bit_depth, ColourFamily::kRgb};
  const bool reusable = rgb->format == format && rgb->width() == yuv.width() &&
                        rgb->height() == yuv.height() && rgb->planes[1].width == yuv.width() &&
                        rgb->planes[1].height == yuv.height();
  if (!reusable) *rgb = Frame::allocate(yuv.width(), yuv.height(), format);
  fast_yuv_to_rgb(yuv, narrow(t), rgb, max);
}

Frame yuv_to_rgb_reference(const Frame& yuv, ColourSpec spec, int rgb_bit_depth) {
  assert(yuv.format.family == ColourFamily::kYuv);
  const int64_t max = (int64_t{1} << rgb_bit_depth) - 1;
  const YuvToRgbTables t(spec, yuv.format.bit_depth, static_cast<double>(max));
  const size_t mask = t.luma.size() - 1;  // guards the tables against out-of-range samples
  const int sx = chroma_shift_x(yuv.format.chroma);
  const int sy = chroma_shift_y(yuv.format.chroma);
  Frame rgb =
      Frame::allocate(yuv.width(), yuv.height(), {ChromaFormat::k444, rgb_bit_depth, ColourFamily::kRgb});
  const auto code = [max](int64_t v) {
    return static_cast<uint16_t>(std::clamp<int64_t>(v >> kFractionBits, 0, max));
  };
  for (int y = 0; y < yuv.height(); ++y) {
    const uint16_t* luma = yuv.planes[0].row(y);
    const uint16_t* cb = yuv.planes[1].row(y >> sy);
    const uint16_t* cr = yuv.planes[2].row(y >> sy);
    uint16_t* r = rgb.planes[0].row(y);
    uint16_t* g = rgb.planes[1].row(y);
    uint16_t* b = rgb.planes[2].row(y);
    for (int x = 0; x < yuv.width(); ++x) {
      const int64_t l = t.luma[luma[x] & mask];
      const size_t u = cb[x >> sx] & mask;
      const size_t v = cr[x >> sx] & mask;
      r[x] = code(l + t.r_from_cr[v]);
      g[x] = code(l + t.g_from_cb[u] + t.g_from_cr[v]);
      b[x] = code(l + t.b_from_cb[u]);
    }
  }
  return rgb;
}

Frame rgb_to_yuv(const Frame& rgb, ColourSpec spec, ChromaFormat chroma) {
  return rgb_to_yuv(rgb, spec, chroma, rgb.format.bit_depth);
}

Frame rgb_to_yuv(const Frame& rgb, ColourSpec spec, ChromaFormat chroma, int yuv_bit_depth) {
  assert(rgb.format.family == ColourFamily::kRgb);
  const Coefficients k = coefficients(spec.matrix);
  const Quantiser q = quantiser(spec.range, yuv_bit_depth);
  const int w = rgb.width();
  const int h = rgb.height();
  Frame yuv = Frame::allocate(w, h, {chroma, yuv_bit_depth, ColourFamily::kYuv});
  const int sx = chroma_shift_x(chroma);
  const int sy = chroma_shift_y(chroma);
  const bool full_chroma = sx == 0 && sy == 0;
  // Full-resolution normalised chroma, averaged down afterwards (a row at a time at 4:4:4).
  std::vector<double> luma(static_cast<size_t>(w));
  std::vector<double> cb(static_cast<size_t>(w) * (full_chroma ? 1 : h)), cr(cb.size());
  for (int y = 0; y < h; ++y) {
    const size_t at = full_chroma ? 0 : static_cast<size_t>(y) * w;
    rgb_row_to_normalised(rgb.planes[0].row(y), rgb.planes[1].row(y), rgb.planes[2].row(y), w, k,
                          rgb.max_value(), luma.data(), cb.data() + at, cr.data() + at);
    round_scaled_samples(luma.data(), w, q.y_offset, q.y_scale, q.max, yuv.planes[0].row(y));
    if (full_chroma) {
      round_scaled_samples(cb.data(), w, q.c_offset, q.c_scale, q.max, yuv.planes[1].row(y));
      round_scaled_samples(cr.data(), w, q.c_offset, q.c_scale, q.max, yuv.planes[2].row(y));
    }
  }
  if (full_chroma) return yuv;
  for (int cy = 0; cy < yuv.planes[1].height; ++cy) {
    for (int cx = 0; cx < yuv.planes[1].width; ++cx) {
      double sum_b = 0, sum_r = 0;
      int n = 0;
      for (int y = cy << sy; y < std::min(h, (cy + 1) << sy); ++y) {
        for (int x = cx << sx; x < std::min(w, (cx + 1) << sx); ++x) {
          sum_b += cb[static_cast<size_t>(y) * w + x];
          sum_r += cr[static_cast<size_t>(y) * w + x];
          ++n;
        }
      }
      yuv.planes[1].at(cx, cy) = rounded_sample(q.c_offset + q.c_scale * sum_b / n, q.max);
      yuv.planes[2].at(cx, cy) = rounded_sample(q.c_offset + q.c_scale * sum_r / n, q.max);
    }
  }
  return yuv;
}

Video to_rgb(const Video& video) {
  if (video.info.format.family == ColourFamily::kRgb) return video;
  Video out;
  out.info = video.info;
  out.info.format = {ChromaFormat::k444, video.info.format.bit_depth, ColourFamily::kRgb};
  out.frames.reserve(video.frames.size());
  for (const Frame& f : video.frames) out.frames.push_back(yuv_to_rgb(f, video.info.colour));
  return out;
}

}  // namespace tgvc
