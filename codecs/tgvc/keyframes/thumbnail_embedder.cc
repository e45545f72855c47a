#include "codecs/tgvc/keyframes/thumbnail_embedder.h"

#include <cmath>

#include "harness/core/colour.h"

namespace tgvc {
namespace {

// Means of `plane` over a cols x rows lattice of cells that tile the plane (cell edges rounded to
// whole samples), scaled to [0, 1].
std::vector<double> cell_means(const Plane& plane, int cols, int rows, double max_value) {
  std::vector<double> sums(static_cast<size_t>(cols) * rows, 0), counts(sums.size(), 0);
  for (int y = 0; y < plane.height; ++y) {
    const int r = y * rows / plane.height;
    const uint16_t* row = plane.row(y);
    for (int x = 0; x < plane.width; ++x) {
      const size_t cell = static_cast<size_t>(r) * cols + x * cols / plane.width;
      sums[cell] += row[x];
      counts[cell] += 1;
    }
  }
  for (size_t i = 0; i < sums.size(); ++i) sums[i] = counts[i] > 0 ? sums[i] / counts[i] / max_value : 0;
  return sums;
}

// Mean central-difference gradient magnitude of luma per cell, scaled like the samples.
std::vector<double> cell_gradients(const Plane& luma, int cols, int rows, double max_value) {
  std::vector<double> sums(static_cast<size_t>(cols) * rows, 0), counts(sums.size(), 0);
  for (int y = 1; y + 1 < luma.height; ++y) {
    const int r = y * rows / luma.height;
    for (int x = 1; x + 1 < luma.width; ++x) {
      const double gx = luma.at(x + 1, y) - luma.at(x - 1, y);
      const double gy = luma.at(x, y + 1) - luma.at(x, y - 1);
      const size_t cell = static_cast<size_t>(r) * cols + x * cols / luma.width;
      sums[cell] += std::sqrt(gx * gx + gy * gy);
      counts[cell] += 1;
    }
  }
  for (size_t i = 0; i < sums.size(); ++i) sums[i] = counts[i] > 0 ? sums[i] / counts[i] / max_value : 0;
  return sums;
}

void append_centred(std::vector<double> part, double weight, std::vector<double>* out) {
  double mean = 0;
  for (double v : part) mean += v;
  mean /= static_cast<double>(part.size());
  for (double v : part) out->push_back(weight * (v - mean));
}

}  // namespace

Embedding ThumbnailEmbedder::embed(const Frame& frame, ColourSpec colour) const {
  // RGB input is described in YUV terms so that every source embeds the same way.
  const Frame yuv =
      frame.format.family == ColourFamily::kRgb ? rgb_to_yuv(frame, colour, ChromaFormat::k444) : frame;
  const double max_value = yuv.max_value();
  std::vector<double> parts;
  append_centred(cell_means(yuv.planes[0], 16, 10, max_value), 1.0, &parts);
  append_centred(cell_means(yuv.planes[1], 8, 5, max_value), 0.5, &parts);
  append_centred(cell_means(yuv.planes[2], 8, 5, max_value), 0.5, &parts);
  append_centred(cell_gradients(yuv.planes[0], 32, 20, max_value), 1.0, &parts);
  double norm = 0;
  for (double v : parts) norm += v * v;
  norm = std::sqrt(norm);
  Embedding out(parts.size(), 0.0f);
  if (norm > 1e-12) {
    for (size_t i = 0; i < parts.size(); ++i) out[i] = static_cast<float>(parts[i] / norm);
  }
  return out;
}

}  // namespace tgvc
