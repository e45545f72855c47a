#include "codecs/tgvc/clustering/hdbscan_selection.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tgvc {
namespace {

// The cluster part of the condensed tree, indexed by cluster id - points.
struct ClusterTree {
  int points = 0;
  std::vector<int> parent;                 // -1 for the root
  std::vector<double> birth_lambda;        // lambda of the row that created the cluster (root: 0)
  std::vector<std::vector<int>> children;  // cluster ids, in row order
  bool has_splits = false;

  explicit ClusterTree(const CondensedTree& tree) : points(tree.points) {
    const int count = tree.cluster_count();
    parent.assign(count, -1);
    birth_lambda.assign(count, 0.0);
    children.resize(count);
    for (const CondensedRow& row : tree.rows) {
      if (row.child < points) continue;
      parent[row.child - points] = row.parent;
      birth_lambda[row.child - points] = row.lambda;
      children[row.parent - points].push_back(row.child);
      has_splits = true;
    }
  }
  int index(int id) const { return id - points; }
  int root() const { return points; }
  // The birth distance as the package computes it (1 / lambda).
  double birth_epsilon(int id) const { return 1.0 / birth_lambda[index(id)]; }

  template <typename Visit>
  void for_each_descendant(int id, Visit visit) const {
    std::vector<int> stack(children[index(id)].begin(), children[index(id)].end());
    while (!stack.empty()) {
      const int node = stack.back();
      stack.pop_back();
      visit(node);
      stack.insert(stack.end(), children[index(node)].begin(), children[index(node)].end());
    }
  }
};

// `value` rounded to float as a C cast would on IEEE hardware (overflowing to infinity), without
// the undefined out-of-range conversion.
double as_c_float(double value) {
  if (std::abs(value) <= std::numeric_limits<float>::max()) return static_cast<float>(value);
  return value > 0 ? std::numeric_limits<double>::infinity() : value;
}

// Excess of mass; returns is_selected per cluster index.
std::vector<char> excess_of_mass(const ClusterTree& clusters, std::vector<double> stability,
                                 bool allow_single_cluster) {
  const int count = static_cast<int>(stability.size());
  std::vector<char> chosen_here(count, 0);
  const int lowest = allow_single_cluster ? 0 : 1;  // index 0 is the root
  for (int c = count - 1; c >= lowest; --c) {
    double sum = 0.0;
    for (int child : clusters.children[c]) sum += stability[clusters.index(child)];
    const double subtree = as_c_float(sum);  // the package holds this sum in a C float
    if (subtree > stability[c]) {
      stability[c] = subtree;
    } else {
      chosen_here[c] = 1;
    }
  }
  // A cluster chosen at its turn stays chosen unless an ancestor was chosen later (ids grow
  // downwards, so one pass in increasing id sees every parent before its children).
  std::vector<char> selected(count, 0), covered(count, 0);
  for (int c = 0; c < count; ++c) {
    const int up = clusters.parent[c];
    if (up >= 0) covered[c] = covered[clusters.index(up)] || selected[clusters.index(up)];
    selected[c] = chosen_here[c] && !covered[c];
  }
  return selected;
}

// The package's traverse_upwards: the first ancestor born farther apart than epsilon.
int merge_target(const ClusterTree& clusters, int leaf, double epsilon, bool allow_single_cluster) {
  int node = leaf;
  for (;;) {
    const int up = clusters.parent[clusters.index(node)];
    if (up == clusters.root()) return allow_single_cluster ? up : node;
    if (clusters.birth_epsilon(up) > epsilon) return up;
    node = up;
  }
}

// The package's epsilon_search over the excess-of-mass choice (visited in increasing id).
std::vector<char> epsilon_merge(const ClusterTree& clusters, const std::vector<char>& eom, double epsilon,
                                bool allow_single_cluster) {
  const int count = static_cast<int>(eom.size());
  std::vector<char> selected(count, 0), processed(count, 0);
  for (int c = 0; c < count; ++c) {
    if (!eom[c]) continue;
    const int id = c + clusters.points;
    if (clusters.birth_epsilon(id) < epsilon) {
      if (processed[c]) continue;
      const int target = merge_target(clusters, id, epsilon, allow_single_cluster);
      selected[clusters.index(target)] = 1;
      clusters.for_each_descendant(target, [&](int node) { processed[clusters.index(node)] = 1; });
    } else {
      selected[c] = 1;
    }
  }
  return selected;
}

}  // namespace

ClusterSelection select_clusters(const CondensedTree& tree, double cluster_selection_epsilon,
                                 bool allow_single_cluster) {
  const ClusterTree clusters(tree);
  const int count = static_cast<int>(clusters.parent.size());
  std::vector<char> selected = excess_of_mass(clusters, cluster_stabilities(tree), allow_single_cluster);

  if (cluster_selection_epsilon != 0.0 && clusters.has_splits) {
    const bool only_root = selected[0] && std::count(selected.begin(), selected.end(), 1) == 1;
    if (only_root) {
      if (!allow_single_cluster) selected[0] = 0;
    } else {
      selected = epsilon_merge(clusters, selected, cluster_selection_epsilon, allow_single_cluster);
    }
  }

  ClusterSelection result;
  std::vector<int> label_of(count, -1);
  for (int c = 0; c < count; ++c) {
    if (!selected[c]) continue;
    label_of[c] = static_cast<int>(result.selected.size());
    result.selected.push_back(c + tree.points);
  }

  // Each cluster's label comes from the nearest chosen cluster at or above it; -2 marks "reaches
  // the root without one".
  constexpr int kReachesRoot = -2;
  std::vector<int> target(count, kReachesRoot);
  for (int c = 0; c < count; ++c) {
    if (c > 0 && selected[c]) {
      target[c] = label_of[c];
    } else if (c > 0) {
      target[c] = target[clusters.index(clusters.parent[c])];
    }
  }

  // The single-root case of do_labelling: a point is a member if it stayed long enough.
  const bool single_root = allow_single_cluster && result.selected.size() == 1 && selected[0];
  double root_max_lambda = -std::numeric_limits<double>::infinity();
  for (const CondensedRow& row : tree.rows) {
    if (row.parent == tree.root()) root_max_lambda = std::max(root_max_lambda, row.lambda);
  }

  result.labels.assign(tree.points, -1);
  for (const CondensedRow& row : tree.rows) {
    if (row.child >= tree.points) continue;
    const int t = target[clusters.index(row.parent)];
    if (t != kReachesRoot) {
      result.labels[row.child] = t;
    } else if (single_root) {
      const bool member = cluster_selection_epsilon != 0.0 ? row.lambda >= 1.0 / cluster_selection_epsilon
                                                           : row.lambda >= root_max_lambda;
      result.labels[row.child] = member ? label_of[0] : -1;
    }
  }
  return result;
}

}  // namespace tgvc
