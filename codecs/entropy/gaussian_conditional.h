// CompressAI's GaussianConditional on the coding side: the scale table, `build_indexes` (which CDF
// row codes a latent of a given scale) and the CDF table `update()` computes from a scale table.
// A codec takes the CDF table from its model's export (docs/learned-codecs.md says why) and uses
// gaussian_cdf_table only to check an export or in tests.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "codecs/entropy/cdf_table.h"

namespace tgvc::entropy {

// GaussianConditional's defaults: LowerBound(0.11) on scales (float32), tail mass 1e-9.
constexpr float kDefaultScaleBound = 0.11f;
constexpr double kDefaultTailMass = 1e-9;

// A model's `scale_table` (float32, as stored) and its `scale_bound`.
class ScaleTable {
 public:
  // Raises InputError naming `where` unless the scales are non-empty, finite, positive and
  // non-decreasing (GaussianConditional's check) and the bound is finite and positive.
  ScaleTable(std::vector<float> scales, float scale_bound, const std::string& where);

  const std::vector<float>& scales() const { return scales_; }
  float scale_bound() const { return scale_bound_; }

  // build_indexes for one scale: the scale is raised to the bound (float32 max; NaN stays NaN),
  // then the index is size - 1 - #{k < size - 1 : scale <= table[k]}, i.e. the first k with
  // table[k] >= scale, and the last row for larger scales (and for NaN).
  int32_t index_of(float scale) const;
  void build_indexes(const float* scales, size_t count, int32_t* indexes) const;
  std::vector<int32_t> build_indexes(const std::vector<float>& scales) const;

 private:
  std::vector<float> scales_;
  float scale_bound_;
};

// -Phi^-1(tail_mass / 2) of the standard normal (GaussianConditional's multiplier, computed by
// scipy.stats.norm.ppf in float64): 6.1094102048693975 for the default tail mass.
double gaussian_tail_multiplier(double tail_mass);

// GaussianConditional.update() for `table`, in float32 as torch computes it: per scale s, center
// c = ceil(s * float(multiplier)), pmf of the 2c + 1 integers -c..c from 0.5 * erfcf(-(2^-0.5) * x)
// at (+-0.5 - |k|) / s, the tail mass 2 * lower(c) appended, pmf_to_quantized_cdf; offsets -c,
// lengths 2c + 3; rows zero-padded to the longest.
CdfTable gaussian_cdf_table(const ScaleTable& table, double tail_mass = kDefaultTailMass);

}  // namespace tgvc::entropy
