#include "codecs/entropy/quantized_cdf.h"

#include <cmath>

#include "harness/core/error.h"

namespace tgvc::entropy {

std::vector<int32_t> pmf_to_quantized_cdf(const std::vector<float>& pmf, int precision,
                                          const std::string& where) {
  if (precision < 1 || precision > 30)
    throw InputError(where, "a precision in [1, 30]", std::to_string(precision));
  if (pmf.empty()) throw InputError(where, "a pmf with at least one entry", "none");
  const uint32_t total_count = 1u << precision;
  const float scale = static_cast<float>(total_count);
  const size_t n = pmf.size();
  // cdf[0] = 0, cdf[k + 1] = the rounded count of symbol k (float32 arithmetic, as CompressAI).
  std::vector<uint32_t> cdf(n + 1, 0);
  uint64_t total = 0;
  for (size_t k = 0; k < n; ++k) {
    const float p = pmf[k];
    if (!(p >= 0) || !std::isfinite(p)) {
      throw InputError(where + ": pmf[" + std::to_string(k) + "]", "a finite, non-negative probability",
                       std::to_string(p));
    }
    const float count = std::round(p * scale);
    if (count > 4294967295.0f) {
      throw InputError(where + ": pmf[" + std::to_string(k) + "]", "a count below 2^32", std::to_string(p));
    }
    cdf[k + 1] = static_cast<uint32_t>(count);
    total += cdf[k + 1];
  }
  if (total == 0) throw InputError(where, "a pmf with at least one non-zero probability", "all zero");
  if (total > 0xFFFFFFFFull) throw InputError(where, "counts that sum below 2^32", std::to_string(total));
  for (uint32_t& c : cdf) c = static_cast<uint32_t>((uint64_t{total_count} * c) / total);
  for (size_t k = 1; k <= n; ++k) cdf[k] += cdf[k - 1];
  cdf[n] = total_count;

  // Every symbol needs a non-zero frequency: steal one count from the smallest frequency above 1.
  for (size_t i = 0; i < n; ++i) {
    if (cdf[i] != cdf[i + 1]) continue;
    uint32_t best_freq = ~0u;
    size_t best = n;
    for (size_t j = 0; j < n; ++j) {
      const uint32_t freq = cdf[j + 1] - cdf[j];
      if (freq > 1 && freq < best_freq) {
        best_freq = freq;
        best = j;
      }
    }
    if (best == n) {
      throw InputError(where, "at most " + std::to_string(total_count) + " symbols (one count each)",
                       std::to_string(n));
    }
    if (best < i) {
      for (size_t j = best + 1; j <= i; ++j) --cdf[j];
    } else {
      for (size_t j = i + 1; j <= best; ++j) ++cdf[j];
    }
  }
  return std::vector<int32_t>(cdf.begin(), cdf.end());
}

}  // namespace tgvc::entropy
