// A table of quantized CDFs as CompressAI's entropy models keep them (`_quantized_cdf`,
// `_cdf_length`, `_offset`): row i holds cdf_length[i] entries of a 16-bit CDF, the last symbol of
// each row is the escape into bypass coding, and offsets[i] is the value of the row's symbol 0.
// A CdfTable is checked once when it is built, so the coder trusts it afterwards.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tgvc::entropy {

// CompressAI's entropy_coder_precision: every CDF ends at 1 << 16.
constexpr int kCdfPrecision = 16;
constexpr int32_t kCdfTotal = int32_t{1} << kCdfPrecision;

class CdfTable {
 public:
  // `cdfs` is row-major with `stride` entries per row, each row zero-padded after its length (the
  // layout of `_quantized_cdf`). Raises InputError naming `where` and the row when a row is not a
  // CDF (first entry 0, last 1 << 16, strictly increasing, at least 3 entries: two symbols, since
  // the last one escapes) or the sizes disagree.
  CdfTable(std::vector<int32_t> cdfs, int stride, std::vector<int32_t> cdf_lengths,
           std::vector<int32_t> offsets, const std::string& where);
  // The same from one vector per row (each at least cdf_lengths[i] long; entries past it are
  // ignored), the form CompressAI's coder takes.
  CdfTable(const std::vector<std::vector<int32_t>>& rows, std::vector<int32_t> cdf_lengths,
           std::vector<int32_t> offsets, const std::string& where);

  int rows() const { return static_cast<int>(lengths_.size()); }
  int stride() const { return stride_; }
  // Pointer to row i's cdf_length(i) entries.
  const int32_t* row(int i) const { return cdfs_.data() + static_cast<size_t>(i) * stride_; }
  int32_t cdf_length(int i) const { return lengths_[i]; }
  int32_t offset(int i) const { return offsets_[i]; }
  // The row-major table with rows zero-padded to stride(), as CompressAI stores it.
  const std::vector<int32_t>& padded() const { return cdfs_; }
  const std::vector<int32_t>& cdf_lengths() const { return lengths_; }
  const std::vector<int32_t>& offsets() const { return offsets_; }

 private:
  void validate(const std::string& where) const;

  std::vector<int32_t> cdfs_;
  int stride_ = 0;
  std::vector<int32_t> lengths_;
  std::vector<int32_t> offsets_;
};

}  // namespace tgvc::entropy
