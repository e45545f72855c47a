// CompressAI's EntropyBottleneck on the coding side. Channel c of a latent is coded with CDF row c
// (indexes are the channel numbers), its symbols taken relative to the channel's median
// (latent_symbols.h). The CDF table, offsets, lengths and medians come from the model's export;
// bottleneck_cdf_table recomputes them from the density's parameters and quantiles, as
// EntropyBottleneck.update() does, to check an export or in tests.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "codecs/entropy/cdf_table.h"

namespace tgvc::entropy {

// EntropyBottleneck's indexes for a latent of `channels` planes of `plane_size` values each,
// channel-major (one batch item of an N x C x H x W tensor): plane c is all c.
std::vector<int32_t> bottleneck_indexes(int channels, size_t plane_size);

// The factorized density of an EntropyBottleneck(channels, filters), float32 as in its
// state_dict. With dims = (1, filters..., 1), layer i (0..filters.size()) has `matrices[i]`
// (channels x dims[i+1] x dims[i], row-major), `biases[i]` (channels x dims[i+1]) and, except the
// last layer, `factors[i]` (channels x dims[i+1]).
struct BottleneckDensity {
  int channels = 0;
  std::vector<int> filters = {3, 3, 3, 3};
  std::vector<std::vector<float>> matrices;
  std::vector<std::vector<float>> biases;
  std::vector<std::vector<float>> factors;

  // Raises InputError naming `where` and the parameter when a size disagrees with the shapes.
  void validate(const std::string& where) const;
};

// EntropyBottleneck._logits_cumulative of channel `channel` at each of `x` (float32): per layer
// logits = softplus(matrix) @ logits + bias (the products summed with fused multiply-adds in input
// order, like torch's CPU sgemm), then logits += tanh(factor) * tanh(logits). Elementary functions
// are glibc's, torch's are SLEEF's: a row can differ by one count on other inputs, which is why
// codecs take the tables from the export.
std::vector<float> bottleneck_logits_cumulative(const BottleneckDensity& density, int channel,
                                                const std::vector<float>& x);

// EntropyBottleneck.update() from `quantiles` (channels x 3: lower, median, upper; float32): per
// channel minima = max(ceil(median - lower), 0), maxima = max(ceil(upper - median), 0), offset
// -minima, length minima + maxima + 3, pmf sigmoid(F(v + 0.5)) - sigmoid(F(v - 0.5)) at
// v = median - minima + k, the tail sigmoid(F(first v - 0.5)) + sigmoid(-F(last v + 0.5)) with the
// last v taken at the longest channel's length, as CompressAI does.
CdfTable bottleneck_cdf_table(const BottleneckDensity& density, const std::vector<float>& quantiles);

}  // namespace tgvc::entropy
