#include "codecs/entropy/gaussian_conditional.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "codecs/entropy/quantized_cdf.h"
#include "harness/core/error.h"

namespace tgvc::entropy {
namespace {

constexpr double kPi = 3.14159265358979323846;

}  // namespace

ScaleTable::ScaleTable(std::vector<float> scales, float scale_bound, const std::string& where)
    : scales_(std::move(scales)), scale_bound_(scale_bound) {
  if (scales_.empty()) throw InputError(where + ": scale_table", "at least one scale", "none");
  for (size_t k = 0; k < scales_.size(); ++k) {
    if (!(scales_[k] > 0) || !std::isfinite(scales_[k])) {
      throw InputError(where + ": scale_table[" + std::to_string(k) + "]", "a finite, positive scale",
                       std::to_string(scales_[k]));
    }
    if (k > 0 && scales_[k] < scales_[k - 1]) {
      throw InputError(where + ": scale_table[" + std::to_string(k) + "]", "scales in non-decreasing order",
                       std::to_string(scales_[k]) + " after " + std::to_string(scales_[k - 1]));
    }
  }
  if (!(scale_bound_ > 0) || !std::isfinite(scale_bound_)) {
    throw InputError(where + ": scale_bound", "a finite, positive bound", std::to_string(scale_bound_));
  }
}

int32_t ScaleTable::index_of(float scale) const {
  const int32_t last = static_cast<int32_t>(scales_.size()) - 1;
  if (std::isnan(scale)) return last;  // torch.max keeps NaN and every comparison with it is false
  const float bounded = std::max(scale, scale_bound_);
  // The table is sorted, so counting entries >= the scale among the first `last` is a search.
  return static_cast<int32_t>(std::lower_bound(scales_.begin(), scales_.begin() + last, bounded) -
                              scales_.begin());
}

void ScaleTable::build_indexes(const float* scales, size_t count, int32_t* indexes) const {
  for (size_t k = 0; k < count; ++k) indexes[k] = index_of(scales[k]);
}

std::vector<int32_t> ScaleTable::build_indexes(const std::vector<float>& scales) const {
  std::vector<int32_t> indexes(scales.size());
  build_indexes(scales.data(), scales.size(), indexes.data());
  return indexes;
}

double gaussian_tail_multiplier(double tail_mass) {
  if (!(tail_mass > 0 && tail_mass < 1)) {
    throw InputError("gaussian_tail_multiplier: tail_mass", "a value in (0, 1)", std::to_string(tail_mass));
  }
  // Solve Phi(-x) = 0.5 * erfc(x / sqrt 2) = tail_mass / 2 for x by Newton's method on log Phi(-x),
  // which is close to linear in the tails; erfc keeps full relative precision there.
  const double target = std::log(tail_mass / 2);
  const double sqrt2 = std::sqrt(2.0);
  double x = 1.0;
  for (int iteration = 0; iteration < 100; ++iteration) {
    const double tail = 0.5 * std::erfc(x / sqrt2);
    const double density = std::exp(-0.5 * x * x) / std::sqrt(2 * kPi);
    // d/dx log Phi(-x) = -density / tail
    const double step = (std::log(tail) - target) / (density / tail);
    x += step;
    if (std::fabs(step) <= 1e-16 * std::fabs(x)) break;
  }
  return x;
}

CdfTable gaussian_cdf_table(const ScaleTable& table, double tail_mass) {
  const float multiplier = static_cast<float>(gaussian_tail_multiplier(tail_mass));
  const float minus_inverse_sqrt2 = static_cast<float>(-std::pow(2.0, -0.5));
  const auto cumulative = [minus_inverse_sqrt2](float x) {
    return 0.5f * std::erfc(minus_inverse_sqrt2 * x);
  };
  std::vector<std::vector<int32_t>> rows;
  std::vector<int32_t> lengths;
  std::vector<int32_t> offsets;
  for (const float scale : table.scales()) {
    const float center_f = std::ceil(scale * multiplier);
    if (!(center_f < 1 << 24)) {
      throw InputError("gaussian_cdf_table: scale_table", "scales below 2^24 / multiplier",
                       std::to_string(scale));
    }
    const int32_t center = static_cast<int32_t>(center_f);
    const int32_t length = 2 * center + 1;
    std::vector<float> pmf(static_cast<size_t>(length) + 1);
    float lower_at_edge = 0;
    for (int32_t k = 0; k < length; ++k) {
      const float sample = static_cast<float>(std::abs(k - center));
      const float upper = cumulative((0.5f - sample) / scale);
      const float lower = cumulative((-0.5f - sample) / scale);
      pmf[k] = upper - lower;
      if (k == 0) lower_at_edge = lower;
    }
    pmf[length] = 2 * lower_at_edge;  // the tail mass, both sides
    rows.push_back(pmf_to_quantized_cdf(pmf, kCdfPrecision, "gaussian_cdf_table"));
    lengths.push_back(length + 2);
    offsets.push_back(-center);
  }
  return CdfTable(rows, std::move(lengths), std::move(offsets), "gaussian_cdf_table");
}

}  // namespace tgvc::entropy
