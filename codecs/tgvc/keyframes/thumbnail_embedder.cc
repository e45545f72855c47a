#include "codecs/tgvc/keyframes/thumbnail_embedder.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdint>

#include "harness/core/colour.h"
#include "harness/core/vector_clones.h"

namespace tgvc {
namespace {

// Per-cell sums over a cols x rows lattice of cells that tile a plane (cell edges rounded to
// whole samples: sample x lies in column x * cols / width).
struct CellSums {
  int cols = 0;
  int rows = 0;
  std::vector<double> sums;
  std::vector<double> counts;

  CellSums(int c, int r) : cols(c), rows(r), sums(static_cast<size_t>(c) * r, 0), counts(sums.size(), 0) {}
  // Each cell's mean, scaled by 1 / max_value.
  std::vector<double> means(double max_value) const {
    std::vector<double> out(sums.size());
    for (size_t i = 0; i < sums.size(); ++i) out[i] = counts[i] > 0 ? sums[i] / counts[i] / max_value : 0;
    return out;
  }
};

// Where each of `cols` cells begins on a row of `width` samples, and begins[cols] = width: sample x
// lies in cell x * cols / width (an empty cell begins where the next one does).
std::vector<int> cell_begins(int width, int cols) {
  std::vector<int> begins(static_cast<size_t>(cols) + 1, width);
  for (int x = width - 1; x >= 0; --x) begins[x * cols / width] = x;
  for (int c = cols - 1; c >= 0; --c) begins[c] = std::min(begins[c], begins[c + 1]);
  return begins;
}

// Sample sums per cell. They are sums of integers, exact in any order, so an edit can update them
// (and a row can be summed in integers first).
CellSums sample_sums(const Plane& plane, int cols, int rows) {
  CellSums out(cols, rows);
  const std::vector<int> begins = cell_begins(plane.width, cols);
  for (int y = 0; y < plane.height; ++y) {
    const uint16_t* row = plane.row(y);
    const size_t row_start = static_cast<size_t>(y * rows / plane.height) * cols;
    for (int c = 0; c < cols; ++c) {
      int64_t sum = 0;
      for (int x = begins[c]; x < begins[c + 1]; ++x) sum += row[x];
      out.sums[row_start + c] += static_cast<double>(sum);
      out.counts[row_start + c] += static_cast<double>(begins[c + 1] - begins[c]);
    }
  }
  return out;
}

// The central-difference gradient magnitudes of samples [1, width - 1) of the row `middle`, between
// rows `above` and `below`.
TGVC_VECTOR_CLONES
void gradient_row(const uint16_t* __restrict above, const uint16_t* __restrict middle,
                  const uint16_t* __restrict below, int width, double* __restrict magnitude) {
  for (int x = 1; x + 1 < width; ++x) {
    const double gx = middle[x + 1] - middle[x - 1];
    const double gy = below[x] - above[x];
    magnitude[x] = std::sqrt(gx * gx + gy * gy);
  }
}

// Adds a row's gradient magnitudes (sample x's at magnitude[x - offset]) to the sums of cells
// first_cell..last_cell of the row (and their counts, if given): interior samples only, each cell
// taking its samples in raster order. Both the full pass and an edit's re-summing add this way,
// so their sums are the same doubles.
void add_gradient_row(const double* magnitude, int offset, const std::vector<int>& begins, int width,
                      int first_cell, int last_cell, double* row_sums, double* row_counts) {
  for (int c = first_cell; c <= last_cell; ++c) {
    const int first = std::max(begins[c], 1), end = std::min(begins[c + 1], width - 1);
    if (first >= end) continue;
    double sum = row_sums[c];
    for (int x = first; x < end; ++x) sum += magnitude[x - offset];
    row_sums[c] = sum;
    if (row_counts) row_counts[c] += end - first;
  }
}

// Central-difference gradient magnitudes of luma summed per cell (interior samples only).
CellSums gradient_sums(const Plane& luma, int cols, int rows) {
  CellSums out(cols, rows);
  const std::vector<int> begins = cell_begins(luma.width, cols);
  std::vector<double> magnitude(static_cast<size_t>(luma.width));
  for (int y = 1; y + 1 < luma.height; ++y) {
    gradient_row(luma.row(y - 1), luma.row(y), luma.row(y + 1), luma.width, magnitude.data());
    const size_t row_start = static_cast<size_t>(y * rows / luma.height) * cols;
    add_gradient_row(magnitude.data(), 0, begins, luma.width, 0, cols - 1, out.sums.data() + row_start,
                     out.counts.data() + row_start);
  }
  return out;
}

void append_centred(const std::vector<double>& part, double weight, std::vector<double>* out) {
  double mean = 0;
  for (double v : part) mean += v;
  mean /= static_cast<double>(part.size());
  for (double v : part) out->push_back(weight * (v - mean));
}

constexpr int kLumaCols = 16, kLumaRows = 10, kChromaCols = 8, kChromaRows = 5, kGradientCols = 32,
              kGradientRows = 20;

// Everything the embedding is made of.
struct ThumbnailCells {
  CellSums luma{kLumaCols, kLumaRows};
  CellSums cb{kChromaCols, kChromaRows};
  CellSums cr{kChromaCols, kChromaRows};
  CellSums gradients{kGradientCols, kGradientRows};
  double max_value = 1;
};

ThumbnailCells cells_of(const Frame& yuv) {
  ThumbnailCells c;
  c.luma = sample_sums(yuv.planes[0], kLumaCols, kLumaRows);
  c.cb = sample_sums(yuv.planes[1], kChromaCols, kChromaRows);
  c.cr = sample_sums(yuv.planes[2], kChromaCols, kChromaRows);
  c.gradients = gradient_sums(yuv.planes[0], kGradientCols, kGradientRows);
  c.max_value = yuv.max_value();
  return c;
}

Embedding embedding_of(const ThumbnailCells& c) {
  std::vector<double> parts;
  append_centred(c.luma.means(c.max_value), 1.0, &parts);
  append_centred(c.cb.means(c.max_value), 0.5, &parts);
  append_centred(c.cr.means(c.max_value), 0.5, &parts);
  append_centred(c.gradients.means(c.max_value), 1.0, &parts);
  double norm = 0;
  for (double v : parts) norm += v * v;
  norm = std::sqrt(norm);
  Embedding out(parts.size(), 0.0f);
  if (norm > 1e-12) {
    for (size_t i = 0; i < parts.size(); ++i) out[i] = static_cast<float>(parts[i] / norm);
  }
  return out;
}

// RGB input is described in YUV terms so that every source embeds the same way.
Frame as_yuv(const Frame& frame, ColourSpec colour) {
  return frame.format.family == ColourFamily::kRgb ? rgb_to_yuv(frame, colour, ChromaFormat::k444) : frame;
}

// Edits of an RGB or 4:4:4 reference: a pixel's 4:4:4 conversion depends on that pixel alone, so
// only the patch is converted; sample sums are exact and take the patch's difference; gradient
// cells within a sample of the box are summed again in the full pass's order, over a window of
// luma that holds them. Equal to embed() bit for bit.
class ThumbnailEditEmbedder final : public EditEmbedder {
 public:
  ThumbnailEditEmbedder(const Frame& reference, ColourSpec colour)
      : colour_(colour),
        yuv_(as_yuv(reference, colour)),
        cells_(cells_of(yuv_)),
        reference_(embedding_of(cells_)),
        gradient_begins_(cell_begins(yuv_.width(), kGradientCols)) {}

  const Embedding& reference() const override { return reference_; }

  Embedding embed_edit(const Frame& patch_in, const PixelBox& box) const override {
    if (box.empty()) return reference_;
    assert(box.x0 >= 0 && box.y0 >= 0 && box.x1 <= yuv_.width() && box.y1 <= yuv_.height());
    assert(patch_in.width() == box.x1 - box.x0 && patch_in.height() == box.y1 - box.y0);
    const Frame patch = as_yuv(patch_in, colour_);
    ThumbnailCells cells = cells_;
    CellSums* sample_cells[3] = {&cells.luma, &cells.cb, &cells.cr};
    for (int p = 0; p < 3; ++p) {
      const Plane& before = yuv_.planes[p];
      CellSums& sums = *sample_cells[p];
      for (int y = box.y0; y < box.y1; ++y) {
        const size_t row_start = static_cast<size_t>(y * sums.rows / before.height) * sums.cols;
        for (int x = box.x0; x < box.x1; ++x) {
          const uint16_t now = patch.planes[p].at(x - box.x0, y - box.y0);
          sums.sums[row_start + x * sums.cols / before.width] += static_cast<double>(now) - before.at(x, y);
        }
      }
    }
    resum_gradients(patch.planes[0], box, &cells.gradients);
    return embedding_of(cells);
  }

 private:
  // Gradient cells that hold a sample within one of the box, each summed as gradient_sums does.
  void resum_gradients(const Plane& patch_luma, const PixelBox& box, CellSums* gradients) const {
    const int w = yuv_.width(), h = yuv_.height();
    const int x_lo = std::max(box.x0 - 1, 1), x_hi = std::min(box.x1 + 1, w - 1);
    const int y_lo = std::max(box.y0 - 1, 1), y_hi = std::min(box.y1 + 1, h - 1);
    if (x_lo >= x_hi || y_lo >= y_hi) return;
    const int first_col = x_lo * kGradientCols / w, last_col = (x_hi - 1) * kGradientCols / w;
    const int first_row = y_lo * kGradientRows / h, last_row = (y_hi - 1) * kGradientRows / h;
    for (int r = first_row; r <= last_row; ++r) {
      for (int c = first_col; c <= last_col; ++c)
        gradients->sums[static_cast<size_t>(r) * kGradientCols + c] = 0;
    }
    // The samples of those cells, visited row by row as gradient_sums visits them.
    const int x_begin = std::max(1, gradient_begins_[first_col]);
    const int x_end = std::min(w - 1, gradient_begins_[last_col + 1]);
    int y_begin = 1;
    while (y_begin * kGradientRows / h < first_row) ++y_begin;
    int y_end = y_begin;
    while (y_end + 1 < h && y_end * kGradientRows / h <= last_row) ++y_end;
    // The edited luma of those samples and their neighbours: the reference with the patch pasted.
    const PixelBox window{x_begin - 1, y_begin - 1, x_end + 1, y_end + 1};
    Plane luma{window.x1 - window.x0, window.y1 - window.y0, {}};
    luma.samples.resize(static_cast<size_t>(luma.width) * luma.height);
    for (int y = window.y0; y < window.y1; ++y) {
      uint16_t* out = luma.row(y - window.y0);
      const uint16_t* in = yuv_.planes[0].row(y);
      std::copy(in + window.x0, in + window.x1, out);
      if (y >= box.y0 && y < box.y1) {
        const int from = std::max(box.x0, window.x0), to = std::min(box.x1, window.x1);
        const uint16_t* edited = patch_luma.row(y - box.y0);
        for (int x = from; x < to; ++x) out[x - window.x0] = edited[x - box.x0];
      }
    }
    std::vector<double> magnitude(static_cast<size_t>(luma.width));
    for (int y = y_begin; y < y_end; ++y) {
      const int row = y - window.y0;
      gradient_row(luma.row(row - 1), luma.row(row), luma.row(row + 1), luma.width, magnitude.data());
      add_gradient_row(magnitude.data(), window.x0, gradient_begins_, w, first_col, last_col,
                       gradients->sums.data() + static_cast<size_t>(y * kGradientRows / h) * kGradientCols,
                       nullptr);
    }
  }

  ColourSpec colour_;
  Frame yuv_;
  ThumbnailCells cells_;
  Embedding reference_;
  std::vector<int> gradient_begins_;
};

}  // namespace

Embedding ThumbnailEmbedder::embed(const Frame& frame, ColourSpec colour) const {
  return embedding_of(cells_of(as_yuv(frame, colour)));
}

std::unique_ptr<EditEmbedder> ThumbnailEmbedder::edits_of(const Frame& reference, ColourSpec colour) const {
  if (reference.format.family != ColourFamily::kRgb && reference.format.chroma != ChromaFormat::k444) {
    return ImageEmbedder::edits_of(reference, colour);  // refuses it with the reason
  }
  return std::make_unique<ThumbnailEditEmbedder>(reference, colour);
}

}  // namespace tgvc
