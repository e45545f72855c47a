#include "codecs/tgvc/clustering/hdbscan.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "codecs/tgvc/clustering/hdbscan_mst.h"
#include "codecs/tgvc/clustering/hdbscan_selection.h"
#include "codecs/tgvc/clustering/hdbscan_tree.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

void check_params(const HdbscanParams& params) {
  if (params.min_cluster_size < 2) {
    throw InputError("hdbscan.min_cluster_size", "an integer >= 2",
                     fmt::format("{}", params.min_cluster_size));
  }
  if (params.min_samples < 1) {
    throw InputError("hdbscan.min_samples", "an integer >= 1", fmt::format("{}", params.min_samples));
  }
  if (!std::isfinite(params.cluster_selection_epsilon) || params.cluster_selection_epsilon < 0) {
    throw InputError("hdbscan.cluster_selection_epsilon", "a finite number >= 0",
                     fmt::format("{}", params.cluster_selection_epsilon));
  }
  if (params.threads < 1)
    throw InputError("hdbscan.threads", "an integer >= 1", fmt::format("{}", params.threads));
}

// Which neighbour (counting other points only) gives the core distance.
int core_neighbour(const HdbscanParams& params, int rows) {
  const int min_samples = std::max(1, std::min(rows - 1, params.min_samples));  // the package's clamp
  return params.core_distance == CoreDistanceConvention::kOtherPoints ? min_samples : min_samples - 1;
}

}  // namespace

HdbscanResult hdbscan(const FeatureMatrix& points, const HdbscanParams& params) {
  check_feature_matrix(points, "hdbscan");
  check_params(params);
  HdbscanResult result;
  const int n = points.rows;
  result.labels.assign(n, -1);
  if (n < 2) return result;

  const int k = core_neighbour(params, n);
  const std::vector<double> core =
      k > 0 ? core_distances(points, k, params.threads) : std::vector<double>(n, 0.0);
  const std::vector<MstEdge> mst = mutual_reachability_mst(points, core);
  const CondensedTree tree = condense_tree(single_linkage(mst, n), n, params.min_cluster_size);
  const ClusterSelection selection =
      select_clusters(tree, params.cluster_selection_epsilon, params.allow_single_cluster);

  std::vector<int> renumber(selection.selected.size(), -1);
  for (int i = 0; i < n; ++i) {
    const int label = selection.labels[i];
    if (label < 0) continue;
    if (renumber[label] < 0) renumber[label] = result.cluster_count++;
    result.labels[i] = renumber[label];
  }
  return result;
}

}  // namespace tgvc
