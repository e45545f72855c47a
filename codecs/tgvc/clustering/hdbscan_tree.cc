#include "codecs/tgvc/clustering/hdbscan_tree.h"

#include <algorithm>
#include <cassert>
#include <limits>
#include <numeric>

namespace tgvc {
namespace {

// Union-find over dendrogram nodes; a union makes a new node (the package's UnionFind).
class LinkageUnionFind {
 public:
  explicit LinkageUnionFind(int points)
      : parent_(2 * points - 1, -1), size_(2 * points - 1, 1), next_(points) {}

  int find(int node) {
    int root = node;
    while (parent_[root] != -1) root = parent_[root];
    while (parent_[node] != -1) {  // path compression
      const int up = parent_[node];
      parent_[node] = root;
      node = up;
    }
    return root;
  }
  int size(int node) const { return size_[node]; }
  void merge(int a, int b) {
    parent_[a] = next_;
    parent_[b] = next_;
    size_[next_] = size_[a] + size_[b];
    ++next_;
  }

 private:
  std::vector<int> parent_;
  std::vector<int> size_;
  int next_;
};

// Nodes of the dendrogram below `top`, breadth first, left before right (the package's
// bfs_from_hierarchy), appended to `out`.
void breadth_first(const std::vector<LinkageRow>& linkage, int points, int top, std::vector<int>& out) {
  size_t head = out.size();
  out.push_back(top);
  while (head < out.size()) {
    const int node = out[head++];
    if (node >= points) {
      out.push_back(linkage[node - points].left);
      out.push_back(linkage[node - points].right);
    }
  }
}

}  // namespace

int CondensedTree::cluster_count() const {
  int top = points;
  for (const CondensedRow& row : rows) top = std::max(top, row.parent);
  return top - points + 1;
}

std::vector<LinkageRow> single_linkage(const std::vector<MstEdge>& edges, int points) {
  assert(points >= 1 && static_cast<int>(edges.size()) == points - 1);
  std::vector<int> order(edges.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return edges[a].weight < edges[b].weight; });
  std::vector<LinkageRow> linkage;
  linkage.reserve(edges.size());
  LinkageUnionFind sets(points);
  for (int e : order) {
    const int a = sets.find(edges[e].from);
    const int b = sets.find(edges[e].to);
    linkage.push_back({a, b, edges[e].weight, sets.size(a) + sets.size(b)});
    sets.merge(a, b);
  }
  return linkage;
}

CondensedTree condense_tree(const std::vector<LinkageRow>& linkage, int points, int min_cluster_size) {
  assert(points >= 2 && static_cast<int>(linkage.size()) == points - 1);
  CondensedTree tree;
  tree.points = points;
  const int top = 2 * points - 2;
  std::vector<int> order;
  order.reserve(2 * points - 1);
  breadth_first(linkage, points, top, order);

  std::vector<int> relabel(2 * points - 1, -1);
  std::vector<char> ignore(2 * points - 1, 0);
  relabel[top] = points;
  int next_label = points + 1;
  std::vector<int> fallen;
  auto fall_out = [&](int subtree, int parent, double lambda) {
    fallen.clear();
    breadth_first(linkage, points, subtree, fallen);
    for (int node : fallen) {
      if (node < points) tree.rows.push_back({parent, node, lambda, 1});
      ignore[node] = 1;
    }
  };

  for (int node : order) {
    if (node < points || ignore[node]) continue;
    const LinkageRow& merge = linkage[node - points];
    const double lambda =
        merge.distance > 0.0 ? 1.0 / merge.distance : std::numeric_limits<double>::infinity();
    const int left_count = merge.left >= points ? linkage[merge.left - points].size : 1;
    const int right_count = merge.right >= points ? linkage[merge.right - points].size : 1;
    const int parent = relabel[node];
    const bool left_big = left_count >= min_cluster_size;
    const bool right_big = right_count >= min_cluster_size;
    if (left_big && right_big) {
      relabel[merge.left] = next_label++;
      tree.rows.push_back({parent, relabel[merge.left], lambda, left_count});
      relabel[merge.right] = next_label++;
      tree.rows.push_back({parent, relabel[merge.right], lambda, right_count});
    } else if (!left_big && !right_big) {
      fall_out(merge.left, parent, lambda);
      fall_out(merge.right, parent, lambda);
    } else if (!left_big) {
      relabel[merge.right] = parent;
      fall_out(merge.left, parent, lambda);
    } else {
      relabel[merge.left] = parent;
      fall_out(merge.right, parent, lambda);
    }
  }
  return tree;
}

std::vector<double> cluster_stabilities(const CondensedTree& tree) {
  const int clusters = tree.cluster_count();
  std::vector<double> birth(clusters, 0.0);  // the root is born at lambda 0
  for (const CondensedRow& row : tree.rows) {
    if (row.child >= tree.points) birth[row.child - tree.points] = row.lambda;
  }
  std::vector<double> stability(clusters, 0.0);
  for (const CondensedRow& row : tree.rows) {
    const int c = row.parent - tree.points;
    stability[c] += (row.lambda - birth[c]) * row.child_size;
  }
  return stability;
}

}  // namespace tgvc
