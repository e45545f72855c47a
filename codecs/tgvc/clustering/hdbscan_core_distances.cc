// core_distances(): the k nearest other points of every point by a search of a k-d tree that
// skips a node when its box bound is no smaller than the k-th distance found so far (a point at
// exactly that distance cannot change the k-th value), so the result equals a full search's.
#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <system_error>
#include <thread>

#include "codecs/tgvc/clustering/hdbscan_distances.h"
#include "codecs/tgvc/clustering/hdbscan_mst.h"
#include "codecs/tgvc/clustering/kd_partition.h"

namespace tgvc {
namespace {

using hdbscan_detail::box_bound;
using hdbscan_detail::Columns;
using hdbscan_detail::kBlock;
using hdbscan_detail::squared_distances;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr int kLeafSize = kBlock;
constexpr int kMaxListedNeighbours = 32;  // above this, a full selection per row
constexpr int kMaxThreads = 64;

// The k smallest squared distances offered so far, ascending (kInf where unseen).
class NearestList {
 public:
  explicit NearestList(int k) : values_(k, kInf) {}
  void clear() { std::fill(values_.begin(), values_.end(), kInf); }
  double worst() const { return values_.back(); }
  void offer(double d) {
    if (!(d < values_.back())) return;
    int i = static_cast<int>(values_.size()) - 1;
    while (i > 0 && values_[i - 1] > d) {
      values_[i] = values_[i - 1];
      --i;
    }
    values_[i] = d;
  }

 private:
  std::vector<double> values_;
};

// Core distances of the points at positions [first, last) of the tree, written by row.
TGVC_VECTOR_CLONES
void search_neighbours(const FeatureMatrix& points, const KdPartition& tree, const Columns& columns, int k,
                       int first, int last, double* out) {
  NearestList nearest(k);
  double d[kLeafSize];
  std::vector<std::pair<int, double>> stack;  // node, its box bound
  for (int pos = first; pos < last; ++pos) {
    const double* query = points.row(tree.order[pos]);
    const double* query_y = tree.coords.data() + static_cast<size_t>(pos) * tree.dim;
    nearest.clear();
    stack.assign(1, {0, 0.0});
    while (!stack.empty()) {
      const auto [node, bound] = stack.back();
      stack.pop_back();
      if (!(bound < nearest.worst())) continue;
      if (node >= tree.first_leaf()) {
        const int b = tree.begin[node], e = tree.end[node];
        squared_distances(columns, query, b, e, d);
        for (int i = b; i < e; ++i) {
          if (i != pos) nearest.offer(d[i - b]);
        }
        continue;
      }
      const int left = 2 * node + 1, right = left + 1;
      const size_t dim = tree.dim;
      const double bl = tree.conservative(
          box_bound(tree.lo.data() + left * dim, tree.hi.data() + left * dim, query_y, tree.bound_dim));
      const double br = tree.conservative(
          box_bound(tree.lo.data() + right * dim, tree.hi.data() + right * dim, query_y, tree.bound_dim));
      // The nearer child is searched first (pushed last).
      if (bl <= br) {
        stack.push_back({right, br});
        stack.push_back({left, bl});
      } else {
        stack.push_back({left, bl});
        stack.push_back({right, br});
      }
    }
    out[tree.order[pos]] = std::sqrt(nearest.worst());
  }
}

// Core distances by a full selection per row (any k).
TGVC_VECTOR_CLONES
void select_neighbours(const FeatureMatrix& points, const Columns& columns, int k, int begin, int end,
                       double* out) {
  std::vector<double> row(points.rows);
  for (int r = begin; r < end; ++r) {
    squared_distances(columns, points.row(r), 0, points.rows, row.data());
    row[r] = kInf;  // not its own neighbour
    std::nth_element(row.begin(), row.begin() + (k - 1), row.end());
    out[r] = std::sqrt(row[k - 1]);
  }
}

// Start of part `w` of `parts` equal parts of [0, n).
int part_bound(int n, int w, int parts) {
  return static_cast<int>(static_cast<long long>(n) * w / parts);
}

// Runs run(0) .. run(parts - 1), parts 1.. on their own threads when the system gives one (else on
// this thread: the results never depend on where a part ran).
template <typename Run>
void run_parts(int parts, const Run& run) {
  std::vector<std::thread> pool;
  for (int w = 1; w < parts; ++w) {
    try {
      pool.emplace_back(run, w);
    } catch (const std::system_error&) {
      run(w);
    }
  }
  run(0);
  for (std::thread& t : pool) t.join();
}

}  // namespace

std::vector<double> core_distances(const FeatureMatrix& points, int k, int threads) {
  const int n = points.rows;
  assert(k >= 1 && k <= n - 1 && threads >= 1);
  std::vector<double> core(n, 0.0);
  const int workers = std::max(1, std::min({threads, n / 128, kMaxThreads}));

  if (k > kMaxListedNeighbours) {
    std::vector<int> identity(n);
    for (int i = 0; i < n; ++i) identity[i] = i;
    const Columns columns(points, identity);
    run_parts(workers, [&](int w) {
      select_neighbours(points, columns, k, part_bound(n, w, workers), part_bound(n, w + 1, workers),
                        core.data());
    });
    return core;
  }

  const KdPartition tree = kd_partition(points, kLeafSize);
  const Columns columns(points, tree.order);
  run_parts(workers, [&](int w) {
    search_neighbours(points, tree, columns, k, part_bound(n, w, workers), part_bound(n, w + 1, workers),
                      core.data());
  });
  return core;
}

}  // namespace tgvc
