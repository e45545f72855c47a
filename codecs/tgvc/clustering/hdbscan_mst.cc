#include "codecs/tgvc/clustering/hdbscan_mst.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>
#include <limits>
#include <system_error>
#include <thread>

// The two O(n^2) loops get an AVX2 copy chosen at run time. It has no FMA, so every sum is rounded
// exactly as in the baseline (SSE2) copy and results do not depend on the machine.
#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang__)
#define TGVC_VECTOR_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define TGVC_VECTOR_CLONES
#endif

namespace tgvc {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr int kBlock = 16;
constexpr int kMaxListedNeighbours = 32;  // above this, core distances use a per-row selection
constexpr int kMaxThreads = 64;

// Points stored column by column (structure of arrays) so that the distance loops run over
// consecutive points and vectorise. Every squared distance sums its terms in dimension order, the
// order of a plain scalar loop, so the results do not depend on the vector width.
class Columns {
 public:
  explicit Columns(const FeatureMatrix& points) : rows_(points.rows), dim_(points.cols) {
    values_.resize(static_cast<size_t>(rows_) * dim_);
    for (int r = 0; r < rows_; ++r) {
      for (int k = 0; k < dim_; ++k) values_[static_cast<size_t>(k) * rows_ + r] = points.at(r, k);
    }
  }
  int dim() const { return dim_; }
  double* column(int k) { return values_.data() + static_cast<size_t>(k) * rows_; }
  const double* column(int k) const { return values_.data() + static_cast<size_t>(k) * rows_; }
  void swap_rows(int a, int b) {
    for (int k = 0; k < dim_; ++k) std::swap(column(k)[a], column(k)[b]);
  }

 private:
  int rows_;
  int dim_;
  std::vector<double> values_;
};

// Four doubles as one value (GCC/Clang vector extension): the baseline build uses two SSE2
// registers for it, the AVX2 clone one register. Element-wise arithmetic only, no FMA.
typedef double Vec4 __attribute__((vector_size(32)));

typedef long long Mask4 __attribute__((vector_size(32)));

// out[i] = squared distance of `query` to point first + i, for i < kBlock (16: four vectors of
// accumulators that stay in registers while the loop runs over the dimensions).
inline void block_distances(const Columns& columns, const double* query, int first, double* out) {
  Vec4 a0 = {0, 0, 0, 0}, a1 = a0, a2 = a0, a3 = a0;
  for (int k = 0; k < columns.dim(); ++k) {
    const double* x = columns.column(k) + first;
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

// out[i - begin] = squared distance of `query` to point i, for i in [begin, end).
inline void squared_distances(const Columns& columns, const double* query, int begin, int end, double* out) {
  int first = begin;
  for (; first + kBlock <= end; first += kBlock)
    block_distances(columns, query, first, out + (first - begin));
  for (int i = first; i < end; ++i) {
    double sum = 0;
    for (int k = 0; k < columns.dim(); ++k) {
      const double t = columns.column(k)[i] - query[k];
      sum += t * t;
    }
    out[i - begin] = sum;
  }
}

// The k smallest squared distances seen so far for every point, ascending (kInf where unseen).
class NeighbourLists {
 public:
  NeighbourLists(int points, int k)
      : k_(k), lists_(static_cast<size_t>(points) * k, kInf), worst_(points, kInf) {}
  double worst(int p) const { return worst_[p]; }
  const double* worst_data() const { return worst_.data(); }
  const double* list(int p) const { return lists_.data() + static_cast<size_t>(p) * k_; }
  void offer(int p, double d) {
    if (!(d < worst_[p])) return;
    double* list = lists_.data() + static_cast<size_t>(p) * k_;
    int i = k_ - 1;
    while (i > 0 && list[i - 1] > d) {
      list[i] = list[i - 1];
      --i;
    }
    list[i] = d;
    worst_[p] = list[k_ - 1];
  }

 private:
  int k_;
  std::vector<double> lists_;
  std::vector<double> worst_;
};

// Whether any d[t] < worst[t] or d[t] < worst_i (t < kBlock), without a branch per element.
inline bool improves_any(const double* d, const double* worst, double worst_i) {
  Mask4 any = {0, 0, 0, 0};
  for (int t = 0; t < kBlock; t += 4) {
    Vec4 dv, wv;
    std::memcpy(&dv, d + t, sizeof dv);
    std::memcpy(&wv, worst + t, sizeof wv);
    any |= (dv < wv) | (dv < worst_i);
  }
  long long lanes[4];
  std::memcpy(lanes, &any, sizeof lanes);
  return (lanes[0] | lanes[1] | lanes[2] | lanes[3]) != 0;
}

// Offers every pair (i, j), j > i, of rows [begin, end) to both lists: each pair is computed once.
TGVC_VECTOR_CLONES
void list_neighbours(const FeatureMatrix& points, const Columns& columns, int begin, int end,
                     NeighbourLists& lists) {
  const int n = points.rows;
  double d[kBlock];
  for (int i = begin; i < end; ++i) {
    const double* query = points.row(i);
    int first = i + 1;
    for (; first + kBlock <= n; first += kBlock) {
      block_distances(columns, query, first, d);
      // Most blocks improve no list: test the whole block at once first.
      if (!improves_any(d, lists.worst_data() + first, lists.worst(i))) continue;
      for (int t = 0; t < kBlock; ++t) {
        lists.offer(first + t, d[t]);
        lists.offer(i, d[t]);
      }
    }
    for (; first < n; ++first) {
      squared_distances(columns, query, first, first + 1, d);
      lists.offer(first, d[0]);
      lists.offer(i, d[0]);
    }
  }
}

// Core distances by a full selection per row (any k; twice the distance work of list_neighbours).
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

// Row ranges with about equal numbers of pairs (row i pairs with the n - 1 - i rows after it).
std::vector<int> balanced_row_bounds(int n, int parts) {
  std::vector<int> bounds{0};
  const double total = 0.5 * n * (n - 1.0);
  double pairs = 0;
  for (int i = 0; i < n && static_cast<int>(bounds.size()) < parts; ++i) {
    pairs += n - 1 - i;
    if (pairs >= total * static_cast<double>(bounds.size()) / parts) bounds.push_back(i + 1);
  }
  while (static_cast<int>(bounds.size()) <= parts) bounds.push_back(n);
  bounds.back() = n;
  return bounds;
}

// The mutual-reachability update of Prim's algorithm over positions [begin, end): keys fall to
// the reachability from the point that just joined; returns the position of the smallest key
// (smallest point index on equal keys), or -1 for an empty range.
TGVC_VECTOR_CLONES
int prim_update(const Columns& columns, const double* query, double query_core2, int joined, int begin,
                int end, const double* core2, const int* index, double* key, int* from) {
  double d[kBlock];
  int first = begin;
  for (; first + kBlock <= end; first += kBlock) {
    block_distances(columns, query, first, d);
    for (int t = 0; t < kBlock; ++t) {
      const double reach = std::max(d[t], std::max(query_core2, core2[first + t]));
      const bool closer = reach < key[first + t];
      key[first + t] = closer ? reach : key[first + t];
      from[first + t] = closer ? joined : from[first + t];
    }
  }
  for (; first < end; ++first) {
    squared_distances(columns, query, first, first + 1, d);
    const double reach = std::max(d[0], std::max(query_core2, core2[first]));
    if (reach < key[first]) {
      key[first] = reach;
      from[first] = joined;
    }
  }
  int best = begin < end ? begin : -1;
  for (int i = begin + 1; i < end; ++i) {
    if (key[i] < key[best] || (key[i] == key[best] && index[i] < index[best])) best = i;
  }
  return best;
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
  const Columns columns(points);
  std::vector<double> core(n, 0.0);
  const int workers = std::max(1, std::min({threads, n / 128, kMaxThreads}));

  if (k > kMaxListedNeighbours) {
    run_parts(workers, [&](int w) {
      select_neighbours(points, columns, k, part_bound(n, w, workers), part_bound(n, w + 1, workers),
                        core.data());
    });
    return core;
  }

  // Each worker lists neighbours for its rows' pairs; the lists are then merged point by point.
  // The k smallest of a multiset do not depend on how it was split, so neither does the result.
  const std::vector<int> bounds = balanced_row_bounds(n, workers);
  std::vector<NeighbourLists> lists(workers, NeighbourLists(n, k));
  run_parts(workers, [&](int w) { list_neighbours(points, columns, bounds[w], bounds[w + 1], lists[w]); });
  for (int w = 1; w < workers; ++w) {
    for (int p = 0; p < n; ++p) {
      const double* other = lists[w].list(p);
      for (int i = 0; i < k; ++i) lists[0].offer(p, other[i]);
    }
  }
  for (int p = 0; p < n; ++p) core[p] = std::sqrt(lists[0].list(p)[k - 1]);
  return core;
}

std::vector<MstEdge> mutual_reachability_mst(const FeatureMatrix& points, const std::vector<double>& core) {
  assert(static_cast<int>(core.size()) == points.rows);
  const int n = points.rows;
  std::vector<MstEdge> edges;
  if (n < 2) return edges;
  edges.reserve(n - 1);

  // Points not yet in the tree occupy positions [0, remaining) of these arrays; a point that joins
  // the tree is swapped to the end.
  Columns columns(points);
  std::vector<int> index(n), from(n, -1);
  std::vector<double> core2(n), key(n, kInf);
  for (int i = 0; i < n; ++i) {
    index[i] = i;
    core2[i] = core[i] * core[i];
  }
  auto remove = [&](int pos, int last) {
    columns.swap_rows(pos, last);
    std::swap(index[pos], index[last]);
    std::swap(core2[pos], core2[last]);
    std::swap(key[pos], key[last]);
    std::swap(from[pos], from[last]);
  };

  int remaining = n - 1;
  remove(0, remaining);  // point 0 starts the tree
  int joined = 0;
  while (remaining > 0) {
    const int best = prim_update(columns, points.row(joined), core[joined] * core[joined], joined, 0,
                                 remaining, core2.data(), index.data(), key.data(), from.data());
    edges.push_back({from[best], index[best], std::sqrt(key[best])});
    joined = index[best];
    --remaining;
    remove(best, remaining);
  }
  return edges;
}

}  // namespace tgvc
