#include "codecs/entropy/cdf_table.h"

#include <algorithm>
#include <utility>

#include "harness/core/error.h"

namespace tgvc::entropy {

CdfTable::CdfTable(std::vector<int32_t> cdfs, int stride, std::vector<int32_t> cdf_lengths,
                   std::vector<int32_t> offsets, const std::string& where)
    : cdfs_(std::move(cdfs)),
      stride_(stride),
      lengths_(std::move(cdf_lengths)),
      offsets_(std::move(offsets)) {
  validate(where);
}

CdfTable::CdfTable(const std::vector<std::vector<int32_t>>& rows, std::vector<int32_t> cdf_lengths,
                   std::vector<int32_t> offsets, const std::string& where)
    : lengths_(std::move(cdf_lengths)), offsets_(std::move(offsets)) {
  if (rows.size() != lengths_.size()) {
    throw InputError(where + ": cdf_length", std::to_string(rows.size()) + " entries (one per CDF row)",
                     std::to_string(lengths_.size()));
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    if (lengths_[i] < 0 || rows[i].size() < static_cast<size_t>(lengths_[i])) {
      throw InputError(where + ": CDF row " + std::to_string(i),
                       "at least cdf_length = " + std::to_string(lengths_[i]) + " entries",
                       std::to_string(rows[i].size()));
    }
    stride_ = std::max<int>(stride_, lengths_[i]);
  }
  cdfs_.assign(rows.size() * static_cast<size_t>(stride_), 0);
  for (size_t i = 0; i < rows.size(); ++i) {
    std::copy(rows[i].begin(), rows[i].begin() + lengths_[i], cdfs_.begin() + i * stride_);
  }
  validate(where);
}

void CdfTable::validate(const std::string& where) const {
  if (lengths_.empty()) throw InputError(where + ": cdf_length", "at least one CDF row", "none");
  if (offsets_.size() != lengths_.size()) {
    throw InputError(where + ": offset", std::to_string(lengths_.size()) + " entries (one per CDF row)",
                     std::to_string(offsets_.size()));
  }
  if (stride_ <= 0 || cdfs_.size() != lengths_.size() * static_cast<size_t>(stride_)) {
    throw InputError(where + ": quantized_cdf",
                     std::to_string(lengths_.size()) + " rows of " + std::to_string(stride_) + " entries",
                     std::to_string(cdfs_.size()) + " entries");
  }
  for (int i = 0; i < rows(); ++i) {
    const std::string row_name = where + ": CDF row " + std::to_string(i);
    const int32_t length = lengths_[i];
    if (length < 3 || length > stride_) {
      throw InputError(row_name, "cdf_length in [3, " + std::to_string(stride_) + "]",
                       std::to_string(length));
    }
    const int32_t* cdf = row(i);
    if (cdf[0] != 0) throw InputError(row_name, "first entry 0", std::to_string(cdf[0]));
    if (cdf[length - 1] != kCdfTotal) {
      throw InputError(row_name, "last entry " + std::to_string(kCdfTotal), std::to_string(cdf[length - 1]));
    }
    for (int32_t j = 1; j < length; ++j) {
      if (cdf[j] <= cdf[j - 1]) {
        throw InputError(row_name, "strictly increasing entries",
                         "entry " + std::to_string(j) + " = " + std::to_string(cdf[j]) + " after " +
                             std::to_string(cdf[j - 1]));
      }
    }
  }
}

}  // namespace tgvc::entropy
