// mutual_reachability_mst(): Prim's algorithm whose update skips, at each step, every leaf of a
// k-d tree where no key can fall. A key falls only when the new reachability is strictly smaller,
// and the reachability from the joined point q to any point p of a leaf is at least
// max(core[q]^2, the leaf's box bound), so a leaf whose largest key that can still fall is no larger
// than that keeps every key and `from` as they were: the steps, their order and the tie-breaking are
// those of the plain O(n^2) Prim (tests/unit/clustering/reference_mst.h has it).
#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>
#include <limits>

#include "codecs/tgvc/clustering/hdbscan_distances.h"
#include "codecs/tgvc/clustering/hdbscan_mst.h"
#include "codecs/tgvc/clustering/kd_partition.h"

namespace tgvc {
namespace {

using hdbscan_detail::kBlock;
using hdbscan_detail::leaf_distances;
using hdbscan_detail::LeafBlocks;
using hdbscan_detail::Vec4;

constexpr double kInf = std::numeric_limits<double>::infinity();

// Box bounds of all leaves over the first `bound_dim` of `dim` axes, four leaves at a time: each
// leaf's sum runs in dimension order as in hdbscan_detail::box_bound, so it is the same value.
TGVC_VECTOR_CLONES
void leaf_bounds(const double* lo, const double* hi, int groups, int dim, int bound_dim, const double* query,
                 double* bound) {
  const Vec4 zero = {0, 0, 0, 0};
  for (int g = 0; g < groups; ++g) {
    Vec4 sum = zero;
    for (int k = 0; k < bound_dim; ++k) {
      Vec4 l, h;
      std::memcpy(&l, lo + (static_cast<size_t>(g) * dim + k) * 4, sizeof l);
      std::memcpy(&h, hi + (static_cast<size_t>(g) * dim + k) * 4, sizeof h);
      const Vec4 below = l - query[k], above = query[k] - h;
      Vec4 gap = below > above ? below : above;
      gap = gap > zero ? gap : zero;
      sum += gap * gap;
    }
    std::memcpy(bound + static_cast<size_t>(g) * 4, &sum, sizeof sum);
  }
}

// The leaf with the smallest (key, row) of its best point; -1 if every leaf is empty.
TGVC_VECTOR_CLONES
int best_leaf(const double* min_key, const int* min_row, int groups) {
  Vec4 m;
  std::memcpy(&m, min_key, sizeof m);
  for (int g = 1; g < groups; ++g) {
    Vec4 v;
    std::memcpy(&v, min_key + static_cast<size_t>(g) * 4, sizeof v);
    m = v < m ? v : m;
  }
  const double smallest = std::min(std::min(m[0], m[1]), std::min(m[2], m[3]));
  int best = -1;
  for (int j = 0; j < groups * 4; ++j) {
    if (min_row[j] >= 0 && min_key[j] == smallest && (best < 0 || min_row[j] < min_row[best])) best = j;
  }
  return best;
}

// Lowers the keys of one leaf's slots to the reachability from `query` where it is strictly
// smaller (without a branch per point); returns whether any key fell. First a cheaper test on
// each point's own bound (its distance in the leading principal axes, made conservative): when no
// key can fall, the exact distances are not needed.
TGVC_VECTOR_CLONES
bool update_leaf(const LeafBlocks& blocks, const LeafBlocks& axes_blocks, const KdPartition& tree, int leaf,
                 const double* query, const double* query_y, double query_core2, int joined,
                 const double* core2, double* key, int* from) {
  double d[kBlock];
  leaf_distances(axes_blocks, leaf, query_y, d);
  bool may_fall = false;
  for (int i = 0; i < kBlock; ++i) {
    // Written so that a NaN bound never skips a point.
    const bool keeps = tree.conservative(d[i]) >= key[i] || std::max(query_core2, core2[i]) >= key[i];
    may_fall |= !keeps;
  }
  if (!may_fall) return false;
  leaf_distances(blocks, leaf, query, d);
  bool fell = false;
  for (int i = 0; i < kBlock; ++i) {
    const double reach = std::max(d[i], std::max(query_core2, core2[i]));
    const bool closer = reach < key[i];
    key[i] = closer ? reach : key[i];
    from[i] = closer ? joined : from[i];
    fell |= closer;
  }
  return fell;
}

// The leading `tree.bound_dim` coordinates of every point in tree space, as a matrix by position.
FeatureMatrix axes_coordinates(const KdPartition& tree) {
  const int n = static_cast<int>(tree.order.size());
  FeatureMatrix m(n, tree.bound_dim);
  for (int pos = 0; pos < n; ++pos) {
    for (int k = 0; k < tree.bound_dim; ++k)
      m.at(pos, k) = tree.coords[static_cast<size_t>(pos) * tree.dim + k];
  }
  return m;
}

std::vector<int> identity(int n) {
  std::vector<int> order(n);
  for (int i = 0; i < n; ++i) order[i] = i;
  return order;
}

// Prim's state in slots: leaf j of the k-d tree owns slots [j * kBlock, (j + 1) * kBlock). A
// point's key is its smallest squared reachability from the tree so far; -infinity once it has
// joined the tree (and in padding slots). A key equal to the point's own squared core distance can
// never fall again (every reachability from p is at least core[p]^2): only keys above it are
// "open", and only the open points of a leaf are boxed.
class PrimLeaves {
 public:
  PrimLeaves(const FeatureMatrix& points, const std::vector<double>& core, const KdPartition& tree)
      : tree_(tree),
        leaves_(tree.leaves()),
        padded_((leaves_ + 3) / 4 * 4),
        blocks_(points, tree.order, leaf_ranges(tree, true), leaf_ranges(tree, false)),
        axes_blocks_(axes_coordinates(tree), identity(points.rows), leaf_ranges(tree, true),
                     leaf_ranges(tree, false)) {
    const size_t slots = static_cast<size_t>(leaves_) * kBlock;
    core2_.assign(slots, kInf);
    key_.assign(slots, -kInf);
    from_.assign(slots, -1);
    row_.assign(slots, -1);
    slot_of_row_.assign(points.rows, -1);
    for (int j = 0; j < leaves_; ++j) {
      const int node = tree.first_leaf() + j;
      for (int pos = tree.begin[node]; pos < tree.end[node]; ++pos) {
        const size_t slot = static_cast<size_t>(j) * kBlock + (pos - tree.begin[node]);
        const int row = tree.order[pos];
        row_[slot] = row;
        slot_of_row_[row] = static_cast<int>(slot);
        core2_[slot] = core[row] * core[row];
        key_[slot] = kInf;
      }
    }
    lo_.assign(static_cast<size_t>(tree.dim) * padded_, kInf);  // padding leaves: empty boxes
    hi_.assign(static_cast<size_t>(tree.dim) * padded_, -kInf);
    bound_.resize(padded_);
    open_max_.assign(leaves_, -kInf);
    open_count_.assign(leaves_, -1);
    min_key_.assign(padded_, kInf);
    min_slot_.assign(padded_, -1);
    min_row_.assign(padded_, -1);
    for (int j = 0; j < leaves_; ++j) summarise(j);
  }

  int slot_of_row(int row) const { return slot_of_row_[row]; }
  int row(int slot) const { return row_[slot]; }
  double key(int slot) const { return key_[slot]; }
  int from(int slot) const { return from_[slot]; }

  void join(int slot) {
    key_[slot] = -kInf;
    summarise(slot / kBlock);
  }

  // Lowers the keys by the reachability from row `joined` wherever it is strictly smaller.
  void update(const double* query, double query_core2, int joined) {
    const double* query_y = tree_.coords.data() + static_cast<size_t>(position_of(joined)) * tree_.dim;
    leaf_bounds(lo_.data(), hi_.data(), padded_ / 4, tree_.dim, tree_.bound_dim, query_y, bound_.data());
    for (int j = 0; j < leaves_; ++j) {
      if (query_core2 >= open_max_[j] || tree_.conservative(bound_[j]) >= open_max_[j]) continue;
      const size_t first = static_cast<size_t>(j) * kBlock;
      if (update_leaf(blocks_, axes_blocks_, tree_, j, query, query_y, query_core2, joined,
                      core2_.data() + first, key_.data() + first, from_.data() + first))
        summarise(j);
    }
  }

  // The slot with the smallest key, the smallest row on equal keys; -1 if none is left.
  int next() const {
    const int best = best_leaf(min_key_.data(), min_row_.data(), padded_ / 4);
    return best < 0 ? -1 : min_slot_[best];
  }

 private:
  static std::vector<int> leaf_ranges(const KdPartition& tree, bool begins) {
    std::vector<int> out(tree.leaves());
    for (int j = 0; j < tree.leaves(); ++j) out[j] = (begins ? tree.begin : tree.end)[tree.first_leaf() + j];
    return out;
  }

  int position_of(int row) const {
    const int slot = slot_of_row_[row];
    return tree_.begin[tree_.first_leaf() + slot / kBlock] + slot % kBlock;
  }

  // Recomputes leaf j's largest open key, its smallest (key, row) among points not joined, and,
  // when its open points changed, their box.
  void summarise(int j) {
    const int first = j * kBlock;
    double open_max = -kInf;
    int best = -1, open = 0;
    for (int slot = first; slot < first + kBlock; ++slot) {
      const double key = key_[slot];
      if (key > core2_[slot]) {
        open_max = std::max(open_max, key);
        ++open;
      }
      if (key == -kInf) continue;
      if (best < 0 || key < key_[best] || (key == key_[best] && row_[slot] < row_[best])) best = slot;
    }
    open_max_[j] = open_max;
    min_slot_[j] = best;
    min_key_[j] = best < 0 ? kInf : key_[best];
    min_row_[j] = best < 0 ? -1 : row_[best];
    if (open != open_count_[j]) {
      open_count_[j] = open;
      fit_open_box(j);
    }
  }

  void fit_open_box(int j) {
    const int dim = tree_.dim, begin = tree_.begin[tree_.first_leaf() + j];
    const size_t group = static_cast<size_t>(j / 4) * dim, lane = j % 4;
    for (int k = 0; k < dim; ++k) {
      lo_[(group + k) * 4 + lane] = kInf;
      hi_[(group + k) * 4 + lane] = -kInf;
    }
    for (int slot = j * kBlock; slot < (j + 1) * kBlock; ++slot) {
      if (!(key_[slot] > core2_[slot])) continue;
      const double* y = tree_.coords.data() + static_cast<size_t>(begin + slot - j * kBlock) * dim;
      for (int k = 0; k < dim; ++k) {
        double& lo = lo_[(group + k) * 4 + lane];
        double& hi = hi_[(group + k) * 4 + lane];
        lo = std::min(lo, y[k]);
        hi = std::max(hi, y[k]);
      }
    }
  }

  const KdPartition& tree_;
  int leaves_;
  int padded_;                       // leaves rounded up to a multiple of 4
  LeafBlocks blocks_;                // the points
  LeafBlocks axes_blocks_;           // their leading principal coordinates
  std::vector<double> core2_, key_;  // by slot
  std::vector<int> from_;            // by slot: the row that set the key
  std::vector<int> row_;             // by slot, -1 for padding
  std::vector<int> slot_of_row_;
  std::vector<double> lo_, hi_;   // boxes of the leaves' open points (tree space), 4 leaves x dim
  std::vector<double> bound_;     // per leaf: box bound of the current query
  std::vector<double> open_max_;  // per leaf: the largest open key, -infinity if none
  std::vector<int> open_count_;   // per leaf: how many open points its box holds
  std::vector<double> min_key_;   // per leaf
  std::vector<int> min_slot_;     // per leaf, -1 if every point has joined
  std::vector<int> min_row_;      // per leaf: the row at min_slot_, -1 if none
};

}  // namespace

std::vector<MstEdge> mutual_reachability_mst(const FeatureMatrix& points, const std::vector<double>& core) {
  assert(static_cast<int>(core.size()) == points.rows);
  const int n = points.rows;
  std::vector<MstEdge> edges;
  if (n < 2) return edges;
  edges.reserve(n - 1);

  const KdPartition tree = kd_partition(points, kBlock);
  PrimLeaves prim(points, core, tree);
  int joined = 0;  // point 0 starts the tree
  prim.join(prim.slot_of_row(joined));
  for (int step = 1; step < n; ++step) {
    prim.update(points.row(joined), core[joined] * core[joined], joined);
    const int best = prim.next();
    assert(best >= 0);
    edges.push_back({prim.from(best), prim.row(best), std::sqrt(prim.key(best))});
    joined = prim.row(best);
    prim.join(best);
  }
  return edges;
}

}  // namespace tgvc
