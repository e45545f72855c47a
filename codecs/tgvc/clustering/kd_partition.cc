#include "codecs/tgvc/clustering/kd_partition.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <numeric>

#include "codecs/tgvc/clustering/principal_axes.h"

namespace tgvc {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Allowances of the bounds. A rotated difference is off by at most about dim^1.5 * eps * R (R: the
// largest distance of a point from the centre), about 1e-14 R for 14 dimensions; a bound B computed
// from it is off by at most 2 sqrt(B) 1e-14 R + 1e-28 R^2 <= 1e-9 B + 1e-19 R^2. The relative
// allowance also covers the rounding of the distances themselves (16 eps) and of the axes'
// orthonormality; the absolute one has a margin of 10^4.
constexpr double kRelativeSlack = 1e-9;
constexpr double kAbsoluteSlack = 1e-15;
constexpr double kNegligibleSpread = 1e-6;  // of the largest axis' sum of squares

void fit_box(KdPartition& tree, int node) {
  const int dim = tree.dim;
  double* lo = tree.lo.data() + static_cast<size_t>(node) * dim;
  double* hi = tree.hi.data() + static_cast<size_t>(node) * dim;
  std::fill(lo, lo + dim, kInf);  // empty: no point is inside, the bound is +infinity
  std::fill(hi, hi + dim, -kInf);
  for (int pos = tree.begin[node]; pos < tree.end[node]; ++pos) {
    const double* y = tree.coords.data() + static_cast<size_t>(pos) * dim;
    for (int k = 0; k < dim; ++k) {
      lo[k] = std::min(lo[k], y[k]);
      hi[k] = std::max(hi[k], y[k]);
    }
  }
}

}  // namespace

void KdPartition::to_tree_space(const double* x, double* y) const {
  for (int i = 0; i < dim; ++i) {
    double sum = 0;
    for (int k = 0; k < dim; ++k) sum += axes[static_cast<size_t>(i) * dim + k] * (x[k] - centre[k]);
    y[i] = sum;
  }
}

KdPartition kd_partition(const FeatureMatrix& points, int leaf_size) {
  assert(leaf_size >= 1);
  KdPartition tree;
  const int n = points.rows, dim = points.cols;
  tree.dim = dim;
  while ((n + (1 << tree.depth) - 1) >> tree.depth > leaf_size) ++tree.depth;
  const int nodes = 2 * tree.leaves() - 1;

  tree.axes = principal_axes(points);
  tree.centre.assign(dim, 0.0);
  for (int r = 0; r < n; ++r) {
    for (int k = 0; k < dim; ++k) tree.centre[k] += points.at(r, k);
  }
  for (double& c : tree.centre) c /= std::max(1, n);
  // The rotated coordinates (by row for now) and the largest squared radius about the centre: the
  // rounding of a rotated difference is far below kRelativeSlack times that.
  std::vector<double> rotated(static_cast<size_t>(n) * dim);
  const auto rotate_all = [&] {
    for (int r = 0; r < n; ++r)
      tree.to_tree_space(points.row(r), rotated.data() + static_cast<size_t>(r) * dim);
    return std::all_of(rotated.begin(), rotated.end(), [](double v) { return std::isfinite(v); });
  };
  if (!rotate_all()) {
    // Values so large that the covariance or the rotation overflows: the features' own axes about
    // 0, whose coordinates are exact (the slack below then turns every bound off if it overflows).
    std::fill(tree.axes.begin(), tree.axes.end(), 0.0);
    for (int k = 0; k < dim; ++k) tree.axes[static_cast<size_t>(k) * dim + k] = 1;
    std::fill(tree.centre.begin(), tree.centre.end(), 0.0);
    rotate_all();
  }
  double radius2 = 0;
  for (int r = 0; r < n; ++r) {
    double s = 0;
    for (int k = 0; k < dim; ++k)
      s += (points.at(r, k) - tree.centre[k]) * (points.at(r, k) - tree.centre[k]);
    radius2 = std::max(radius2, s);
  }
  tree.slack = kAbsoluteSlack * (1 + 4 * radius2);
  if (!std::isfinite(tree.slack)) tree.slack = kInf;  // bounds become -infinity: nothing is skipped
  tree.keep = 1 - kRelativeSlack;
  // A bound over fewer axes is still a lower bound (it leaves out non-negative terms): drop the
  // trailing axes whose spread is negligible (correlated features), they would cost time only.
  std::vector<double> spread(dim, 0.0);
  for (int r = 0; r < n; ++r) {
    for (int k = 0; k < dim; ++k)
      spread[k] += rotated[static_cast<size_t>(r) * dim + k] * rotated[static_cast<size_t>(r) * dim + k];
  }
  const double largest = dim > 0 ? *std::max_element(spread.begin(), spread.end()) : 0.0;
  tree.bound_dim = dim;
  while (tree.bound_dim > 1 && spread[tree.bound_dim - 1] <= kNegligibleSpread * largest) --tree.bound_dim;

  tree.order.resize(n);
  std::iota(tree.order.begin(), tree.order.end(), 0);
  tree.begin.assign(nodes, 0);
  tree.end.assign(nodes, 0);
  tree.lo.resize(static_cast<size_t>(nodes) * dim);
  tree.hi.resize(static_cast<size_t>(nodes) * dim);
  tree.end[0] = n;
  tree.coords.resize(static_cast<size_t>(n) * dim);

  for (int node = 0; node < nodes; ++node) {
    const int b = tree.begin[node], e = tree.end[node];
    for (int pos = b; pos < e; ++pos) {
      std::copy_n(rotated.data() + static_cast<size_t>(tree.order[pos]) * dim, dim,
                  tree.coords.data() + static_cast<size_t>(pos) * dim);
    }
    fit_box(tree, node);
    if (node >= tree.first_leaf()) continue;
    int axis = 0;
    double widest = -1;
    for (int k = 0; k < tree.bound_dim; ++k) {
      const double width =
          tree.hi[static_cast<size_t>(node) * dim + k] - tree.lo[static_cast<size_t>(node) * dim + k];
      if (width > widest) {
        widest = width;
        axis = k;
      }
    }
    const int mid = b + (e - b) / 2;
    std::nth_element(tree.order.begin() + b, tree.order.begin() + mid, tree.order.begin() + e,
                     [&](int r, int s) {
                       const double x = rotated[static_cast<size_t>(r) * dim + axis],
                                    y = rotated[static_cast<size_t>(s) * dim + axis];
                       return x < y || (x == y && r < s);
                     });
    tree.begin[2 * node + 1] = b;
    tree.end[2 * node + 1] = mid;
    tree.begin[2 * node + 2] = mid;
    tree.end[2 * node + 2] = e;
  }
  return tree;
}

}  // namespace tgvc
