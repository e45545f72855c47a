#include "codecs/tgvc/clustering/kmeans.h"

#include <algorithm>
#include <limits>
#include <random>

#include <fmt/format.h>

#include "harness/core/error.h"

namespace tgvc {
namespace {

double squared_distance(const double* a, const double* b, int dim) {
  double sum = 0;
  for (int d = 0; d < dim; ++d) {
    const double t = a[d] - b[d];
    sum += t * t;
  }
  return sum;
}

// A double in [0, 1) from the top 53 bits of one draw: the same on every standard library.
double uniform(std::mt19937_64& rng) {
  return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

void check_params(const KMeansParams& params) {
  if (params.k < 1) throw InputError("kmeans.k", "an integer >= 1", fmt::format("{}", params.k));
  if (params.max_iterations < 1) {
    throw InputError("kmeans.max_iterations", "an integer >= 1", fmt::format("{}", params.max_iterations));
  }
}

// k-means++ seeding: returns the indices of the chosen points.
std::vector<int> seed_centres(const FeatureMatrix& points, int k, std::mt19937_64& rng) {
  const int n = points.rows;
  std::vector<int> chosen;
  chosen.push_back(std::min(n - 1, static_cast<int>(uniform(rng) * n)));
  std::vector<double> nearest(n);
  for (int i = 0; i < n; ++i)
    nearest[i] = squared_distance(points.row(i), points.row(chosen[0]), points.cols);
  while (static_cast<int>(chosen.size()) < k) {
    double total = 0;
    for (double d : nearest) total += d;
    if (!(total > 0)) break;  // every point sits on a centre: no more distinct centres
    const double target = uniform(rng) * total;
    int pick = -1;
    double cumulative = 0;
    for (int i = 0; i < n; ++i) {
      if (nearest[i] <= 0) continue;
      pick = i;  // the last candidate, in case rounding leaves the target beyond the sum
      cumulative += nearest[i];
      if (cumulative > target) break;
    }
    chosen.push_back(pick);
    for (int i = 0; i < n; ++i) {
      nearest[i] = std::min(nearest[i], squared_distance(points.row(i), points.row(pick), points.cols));
    }
  }
  return chosen;
}

// Nearest centre of every point (lowest index on ties); returns whether any label changed.
bool assign(const FeatureMatrix& points, const FeatureMatrix& centres, std::vector<int>& labels,
            std::vector<double>& distance) {
  bool changed = false;
  for (int i = 0; i < points.rows; ++i) {
    int best = 0;
    double best_distance = squared_distance(points.row(i), centres.row(0), points.cols);
    for (int c = 1; c < centres.rows; ++c) {
      const double d = squared_distance(points.row(i), centres.row(c), points.cols);
      if (d < best_distance) {
        best = c;
        best_distance = d;
      }
    }
    changed |= labels[i] != best;
    labels[i] = best;
    distance[i] = best_distance;
  }
  return changed;
}

// Means of the members; returns the member count of each cluster.
std::vector<int> update_centres(const FeatureMatrix& points, const std::vector<int>& labels,
                                FeatureMatrix& centres) {
  std::vector<int> count(centres.rows, 0);
  std::fill(centres.values.begin(), centres.values.end(), 0.0);
  for (int i = 0; i < points.rows; ++i) {
    ++count[labels[i]];
    for (int d = 0; d < points.cols; ++d) centres.at(labels[i], d) += points.at(i, d);
  }
  for (int c = 0; c < centres.rows; ++c) {
    for (int d = 0; d < points.cols && count[c] > 0; ++d) centres.at(c, d) /= count[c];
  }
  return count;
}

}  // namespace

KMeansResult kmeans(const FeatureMatrix& points, const KMeansParams& params) {
  check_feature_matrix(points, "kmeans");
  check_params(params);
  if (points.rows == 0) throw InputError("kmeans", "at least one point", "none");
  const int n = points.rows;
  const int dim = points.cols;

  std::mt19937_64 rng(params.seed);
  const std::vector<int> seeds = seed_centres(points, std::min(params.k, n), rng);
  FeatureMatrix centres(static_cast<int>(seeds.size()), dim);
  for (int c = 0; c < centres.rows; ++c) std::copy_n(points.row(seeds[c]), dim, &centres.at(c, 0));

  KMeansResult result;
  std::vector<int> labels(n, -1);
  std::vector<double> distance(n, 0.0);
  for (int iteration = 0; iteration < params.max_iterations; ++iteration) {
    result.iterations = iteration + 1;
    if (!assign(points, centres, labels, distance)) {
      result.converged = true;
      break;
    }
    std::vector<int> count = update_centres(points, labels, centres);
    for (int c = 0; c < centres.rows; ++c) {
      if (count[c] > 0) continue;
      // An empty cluster restarts at the point farthest from its centre, taken from a cluster that
      // keeps at least one member.
      int far = -1;
      for (int i = 0; i < n; ++i) {
        if (count[labels[i]] > 1 && (far < 0 || distance[i] > distance[far])) far = i;
      }
      if (far < 0) break;
      --count[labels[far]];
      distance[far] = 0;
      std::copy_n(points.row(far), dim, &centres.at(c, 0));
    }
  }
  if (!result.converged) result.converged = !assign(points, centres, labels, distance);

  // Drop clusters that ended empty (only possible without convergence), keep the seeding order.
  std::vector<int> renumber(centres.rows, -1);
  std::vector<int> count(centres.rows, 0);
  for (int label : labels) ++count[label];
  for (int c = 0; c < centres.rows; ++c) {
    if (count[c] > 0) renumber[c] = result.cluster_count++;
  }
  for (int& label : labels) label = renumber[label];
  result.centres = FeatureMatrix(result.cluster_count, dim);
  update_centres(points, labels, result.centres);

  result.representatives.assign(result.cluster_count, -1);
  std::vector<double> best(result.cluster_count, std::numeric_limits<double>::infinity());
  for (int i = 0; i < n; ++i) {
    const double d = squared_distance(points.row(i), result.centres.row(labels[i]), dim);
    result.inertia += d;
    if (d < best[labels[i]]) {
      best[labels[i]] = d;
      result.representatives[labels[i]] = i;
    }
  }
  result.labels = std::move(labels);
  return result;
}

}  // namespace tgvc
