// HDBSCAN's last step: choosing flat clusters from the condensed tree by excess of mass, merging
// them up to cluster_selection_epsilon, and labelling the points (the `hdbscan` package's
// get_clusters and do_labelling, cluster_selection_method "eom"). The tree is trusted (condense_tree's).
#pragma once

#include <vector>

#include "codecs/tgvc/clustering/hdbscan_tree.h"

namespace tgvc {

struct ClusterSelection {
  std::vector<int> selected;  // chosen cluster ids, ascending
  std::vector<int> labels;    // per point: index into `selected`, or -1 for noise
};

// Excess of mass: visiting clusters from the highest id down, a cluster whose children's summed
// stability (rounded to float, as the package) exceeds its own passes that sum up; otherwise it is
// chosen and its descendants are dropped. The root is a candidate only with allow_single_cluster.
// With epsilon > 0 a chosen cluster born at a distance below epsilon is replaced by its nearest
// ancestor born above epsilon (never by the root unless allow_single_cluster). A point belongs to
// the nearest chosen cluster above it; points that only reach the root are noise (with a single
// chosen root: members if they left it at lambda >= 1 / epsilon, or, for epsilon 0, at the
// root's largest lambda).
ClusterSelection select_clusters(const CondensedTree& tree, double cluster_selection_epsilon,
                                 bool allow_single_cluster);

}  // namespace tgvc
