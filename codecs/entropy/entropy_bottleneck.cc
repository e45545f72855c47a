#include "codecs/entropy/entropy_bottleneck.h"

#include <algorithm>
#include <cmath>

#include "codecs/entropy/quantized_cdf.h"
#include "harness/core/error.h"

namespace tgvc::entropy {
namespace {

// torch.nn.functional.softplus with beta 1 and threshold 20, in float32.
float softplus(float x) {
  return x > 20.0f ? x : std::log1p(std::exp(x));
}
float sigmoid(float x) {
  return 1.0f / (1.0f + std::exp(-x));
}

void check_size(const std::vector<float>& values, size_t expected, const std::string& name) {
  if (values.size() != expected) {
    throw InputError(name, std::to_string(expected) + " values", std::to_string(values.size()));
  }
}

}  // namespace

std::vector<int32_t> bottleneck_indexes(int channels, size_t plane_size) {
  std::vector<int32_t> indexes;
  indexes.reserve(static_cast<size_t>(std::max(channels, 0)) * plane_size);
  for (int c = 0; c < channels; ++c) indexes.insert(indexes.end(), plane_size, c);
  return indexes;
}

void BottleneckDensity::validate(const std::string& where) const {
  if (channels <= 0) throw InputError(where + ": channels", "a positive count", std::to_string(channels));
  std::vector<int> dims = {1};
  for (const int f : filters) {
    if (f <= 0) throw InputError(where + ": filters", "positive filter counts", std::to_string(f));
    dims.push_back(f);
  }
  dims.push_back(1);
  const size_t layers = filters.size() + 1;
  if (matrices.size() != layers || biases.size() != layers || factors.size() != layers - 1) {
    throw InputError(
        where, std::to_string(layers) + " matrices and biases and " + std::to_string(layers - 1) + " factors",
        std::to_string(matrices.size()) + ", " + std::to_string(biases.size()) + " and " +
            std::to_string(factors.size()));
  }
  const size_t c = static_cast<size_t>(channels);
  for (size_t i = 0; i < layers; ++i) {
    const size_t rows = static_cast<size_t>(dims[i + 1]);
    const size_t cols = static_cast<size_t>(dims[i]);
    check_size(matrices[i], c * rows * cols, where + ": matrices." + std::to_string(i));
    check_size(biases[i], c * rows, where + ": biases." + std::to_string(i));
    if (i + 1 < layers) check_size(factors[i], c * rows, where + ": factors." + std::to_string(i));
  }
}

std::vector<float> bottleneck_logits_cumulative(const BottleneckDensity& density, int channel,
                                                const std::vector<float>& x) {
  density.validate("bottleneck_logits_cumulative");
  if (channel < 0 || channel >= density.channels) {
    throw InputError("bottleneck_logits_cumulative: channel",
                     "a channel in [0, " + std::to_string(density.channels) + ")", std::to_string(channel));
  }
  std::vector<int> dims = {1};
  dims.insert(dims.end(), density.filters.begin(), density.filters.end());
  dims.push_back(1);
  std::vector<float> logits = x;  // dims[i] values per point, point-major
  const size_t points = x.size();
  for (size_t i = 0; i + 1 < dims.size(); ++i) {
    const size_t rows = static_cast<size_t>(dims[i + 1]);
    const size_t cols = static_cast<size_t>(dims[i]);
    const float* matrix = density.matrices[i].data() + channel * rows * cols;
    const float* bias = density.biases[i].data() + channel * rows;
    const bool has_factor = i < density.factors.size();
    std::vector<float> weight(rows * cols);
    for (size_t k = 0; k < weight.size(); ++k) weight[k] = softplus(matrix[k]);
    std::vector<float> factor(rows);
    if (has_factor) {
      for (size_t r = 0; r < rows; ++r) factor[r] = std::tanh(density.factors[i][channel * rows + r]);
    }
    std::vector<float> next(points * rows);
    for (size_t p = 0; p < points; ++p) {
      for (size_t r = 0; r < rows; ++r) {
        // Fused multiply-adds in input order: what torch's CPU matmul (an FMA sgemm) does here,
        // and the only order of those tried that reproduces CompressAI's rows bit for bit.
        float sum = 0;
        for (size_t s = 0; s < cols; ++s) sum = std::fma(weight[r * cols + s], logits[p * cols + s], sum);
        float value = sum + bias[r];
        if (has_factor) value += factor[r] * std::tanh(value);
        next[p * rows + r] = value;
      }
    }
    logits.swap(next);
  }
  return logits;
}

CdfTable bottleneck_cdf_table(const BottleneckDensity& density, const std::vector<float>& quantiles) {
  density.validate("bottleneck_cdf_table");
  const size_t channels = static_cast<size_t>(density.channels);
  check_size(quantiles, channels * 3, "bottleneck_cdf_table: quantiles");
  std::vector<int32_t> minima(channels);
  std::vector<int32_t> lengths(channels);
  int32_t max_length = 0;
  for (size_t c = 0; c < channels; ++c) {
    const float lower = quantiles[3 * c];
    const float median = quantiles[3 * c + 1];
    const float upper = quantiles[3 * c + 2];
    const float below = std::ceil(median - lower);
    const float above = std::ceil(upper - median);
    if (!(below < 1 << 24) || !(above < 1 << 24) || !std::isfinite(below) || !std::isfinite(above)) {
      throw InputError("bottleneck_cdf_table: quantiles of channel " + std::to_string(c),
                       "finite quantiles less than 2^24 apart",
                       std::to_string(lower) + ", " + std::to_string(upper));
    }
    minima[c] = std::max(static_cast<int32_t>(below), 0);
    lengths[c] = minima[c] + std::max(static_cast<int32_t>(above), 0) + 1;
    max_length = std::max(max_length, lengths[c]);
  }
  std::vector<std::vector<int32_t>> rows;
  std::vector<int32_t> cdf_lengths;
  std::vector<int32_t> offsets;
  for (size_t c = 0; c < channels; ++c) {
    const float start = quantiles[3 * c + 1] - static_cast<float>(minima[c]);
    std::vector<float> below(max_length);
    std::vector<float> above(max_length);
    for (int32_t k = 0; k < max_length; ++k) {
      const float sample = static_cast<float>(k) + start;
      below[k] = sample - 0.5f;
      above[k] = sample + 0.5f;
    }
    const std::vector<float> lower = bottleneck_logits_cumulative(density, static_cast<int>(c), below);
    const std::vector<float> upper = bottleneck_logits_cumulative(density, static_cast<int>(c), above);
    std::vector<float> pmf(static_cast<size_t>(lengths[c]) + 1);
    for (int32_t k = 0; k < lengths[c]; ++k) pmf[k] = sigmoid(upper[k]) - sigmoid(lower[k]);
    pmf[lengths[c]] = sigmoid(lower[0]) + sigmoid(-upper[max_length - 1]);
    rows.push_back(
        pmf_to_quantized_cdf(pmf, kCdfPrecision, "bottleneck_cdf_table: channel " + std::to_string(c)));
    cdf_lengths.push_back(lengths[c] + 2);
    offsets.push_back(-minima[c]);
  }
  return CdfTable(rows, std::move(cdf_lengths), std::move(offsets), "bottleneck_cdf_table");
}

}  // namespace tgvc::entropy
