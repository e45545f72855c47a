// The squared Euclidean distances behind HDBSCAN's exact stages (internal to the clustering
// library). Every squared distance sums its terms (x[k] - q[k])^2 in dimension order from 0, the
// order of a plain scalar loop, without FMA: the value of a pair never depends on the vector width,
// on which point is the query, or on which stage computes it. A box bound is summed the same way
// from per-dimension gaps that are never larger, so with monotone rounding it is never larger than
// the distance of any point inside the box: a pruning test on it is exact.
#pragma once

#include <algorithm>
#include <cstring>
#include <vector>

#include "codecs/tgvc/clustering/feature_matrix.h"
#include "harness/core/vector_clones.h"  // the O(n^2) loops get an AVX2 copy, without FMA

namespace tgvc {
namespace hdbscan_detail {

constexpr int kBlock = 16;

// Points stored column by column (structure of arrays) in a chosen order of positions, so that the
// distance loops run over consecutive points and vectorise.
class Columns {
 public:
  Columns(const FeatureMatrix& points, const std::vector<int>& order)
      : rows_(static_cast<int>(order.size())), dim_(points.cols) {
    values_.resize(static_cast<size_t>(rows_) * dim_);
    for (int pos = 0; pos < rows_; ++pos) {
      for (int k = 0; k < dim_; ++k) values_[static_cast<size_t>(k) * rows_ + pos] = points.at(order[pos], k);
    }
  }
  int dim() const { return dim_; }
  size_t stride() const { return rows_; }
  const double* column(int k) const { return values_.data() + static_cast<size_t>(k) * rows_; }

 private:
  int rows_;
  int dim_;
  std::vector<double> values_;
};

// The points of each leaf of a k-d tree with at most kBlock points per leaf, one block per leaf:
// dimension by dimension, kBlock values each (padding slots hold 0), so that a leaf's distances read
// one contiguous stretch of memory.
class LeafBlocks {
 public:
  LeafBlocks(const FeatureMatrix& points, const std::vector<int>& order, const std::vector<int>& leaf_begin,
             const std::vector<int>& leaf_end)
      : dim_(points.cols), values_(leaf_begin.size() * points.cols * kBlock, 0.0) {
    for (size_t j = 0; j < leaf_begin.size(); ++j) {
      double* block = values_.data() + j * dim_ * kBlock;
      for (int pos = leaf_begin[j]; pos < leaf_end[j]; ++pos) {
        for (int k = 0; k < dim_; ++k) block[k * kBlock + (pos - leaf_begin[j])] = points.at(order[pos], k);
      }
    }
  }
  int dim() const { return dim_; }
  const double* block(int leaf) const { return values_.data() + static_cast<size_t>(leaf) * dim_ * kBlock; }

 private:
  int dim_;
  std::vector<double> values_;
};

// Four doubles as one value (GCC/Clang vector extension): the baseline build uses two SSE2
// registers for it, the AVX2 clone one register. Element-wise arithmetic only, no FMA.
typedef double Vec4 __attribute__((vector_size(32)));

// out[i] = squared distance of `query` to the point whose coordinate k is x[k * stride + i], for
// i < kBlock (four vectors of accumulators stay in registers while the loop runs over dimensions).
inline void block_distances(const double* x, size_t stride, int dim, const double* query, double* out) {
  Vec4 a0 = {0, 0, 0, 0}, a1 = a0, a2 = a0, a3 = a0;
  for (int k = 0; k < dim; ++k, x += stride) {
    const double q = query[k];
    Vec4 t0, t1, t2, t3;
    std::memcpy(&t0, x, sizeof t0);
    std::memcpy(&t1, x + 4, sizeof t1);
    std::memcpy(&t2, x + 8, sizeof t2);
    std::memcpy(&t3, x + 12, sizeof t3);
    t0 -= q;
    t1 -= q;
    t2 -= q;
    t3 -= q;
    a0 += t0 * t0;
    a1 += t1 * t1;
    a2 += t2 * t2;
    a3 += t3 * t3;
  }
  std::memcpy(out, &a0, sizeof a0);
  std::memcpy(out + 4, &a1, sizeof a1);
  std::memcpy(out + 8, &a2, sizeof a2);
  std::memcpy(out + 12, &a3, sizeof a3);
}

// out[i] = squared distance of `query` to slot i of a leaf's block, for i < kBlock.
inline void leaf_distances(const LeafBlocks& blocks, int leaf, const double* query, double* out) {
  block_distances(blocks.block(leaf), kBlock, blocks.dim(), query, out);
}

// out[i - begin] = squared distance of `query` to position i, for i in [begin, end).
inline void squared_distances(const Columns& columns, const double* query, int begin, int end, double* out) {
  int first = begin;
  for (; first + kBlock <= end; first += kBlock)
    block_distances(columns.column(0) + first, columns.stride(), columns.dim(), query, out + (first - begin));
  for (int i = first; i < end; ++i) {
    double sum = 0;
    for (int k = 0; k < columns.dim(); ++k) {
      const double t = columns.column(k)[i] - query[k];
      sum += t * t;
    }
    out[i - begin] = sum;
  }
}

// The gap of `q` to [lo, hi] along one dimension (0 inside): never larger than |x - q| for x in it.
inline double axis_gap(double lo, double hi, double q) {
  return std::max(std::max(lo - q, q - hi), 0.0);
}

// A lower bound of the squared distance of `query` to every point of the box [lo, hi] (dim values
// each); +infinity for an empty box (lo > hi).
inline double box_bound(const double* lo, const double* hi, const double* query, int dim) {
  double sum = 0;
  for (int k = 0; k < dim; ++k) {
    const double g = axis_gap(lo[k], hi[k], query[k]);
    sum += g * g;
  }
  return sum;
}

}  // namespace hdbscan_detail
}  // namespace tgvc
