// CompressAI's pmf_to_quantized_cdf (compressai/cpp_exts/ops/ops.cpp), reproduced step for step:
// the CDF tables of its entropy models are this function of float32 pmfs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tgvc::entropy {

// The quantized CDF (pmf.size() + 1 entries, 0 to 1 << precision, strictly increasing) of `pmf`:
// each entry rounded to a multiple of 2^-precision in float32 (round half away from zero), the
// counts rescaled to 1 << precision with integer division by their total, summed, the last entry
// set to 1 << precision, then every zero-frequency symbol given one count taken from the symbol
// with the smallest frequency above 1 (the first such, lowest index on ties), in index order.
// Raises InputError naming `where` for a negative or non-finite entry, an all-zero pmf, counts
// whose total passes 2^32, or a pmf with more symbols than 1 << precision can give a count each.
std::vector<int32_t> pmf_to_quantized_cdf(const std::vector<float>& pmf, int precision = 16,
                                          const std::string& where = "pmf_to_quantized_cdf");

}  // namespace tgvc::entropy
