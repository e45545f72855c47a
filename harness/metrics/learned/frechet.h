// Gaussian statistics of feature rows and the Frechet distance between two Gaussians, in double:
//   FD = |mu1 - mu2|^2 + tr(S1) + tr(S2) - 2 tr((S1 S2)^(1/2)).
// tr((S1 S2)^(1/2)) is computed as the sum of the square roots of the eigenvalues of the symmetric
// A S2 A with A = S1^(1/2) (S1 S2 is similar to it), negative round-off clipped to zero: the same
// value as scipy's sqrtm(S1 S2) for covariance matrices, without its complex round-off.
#pragma once

#include <cstdint>
#include <vector>

namespace tgvc {

// FVD implementations differ here: StyleGAN-V divides by N, numpy's cov (common_metrics) by N - 1.
enum class Covariance { kBiased, kUnbiased };

struct GaussianStats {
  int64_t count = 0;
  int64_t dims = 0;
  std::vector<double> mean;  // dims
  std::vector<double> cov;   // dims x dims, row-major
};

// Mean and covariance of `count` rows of `dims` values (row-major), summed in a fixed order.
// Requires count >= 2 for kUnbiased and count >= 1 for kBiased.
GaussianStats gaussian_stats(const std::vector<double>& rows, int64_t count, int64_t dims,
                             Covariance convention);

struct FrechetTerms {
  double distance = 0;
  double mean_term = 0;   // |mu1 - mu2|^2
  double trace_sqrt = 0;  // tr((S1 S2)^(1/2))
};

FrechetTerms frechet_distance(const GaussianStats& a, const GaussianStats& b);

}  // namespace tgvc
