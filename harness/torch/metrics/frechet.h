// Gaussian statistics of feature rows and the Frechet distance between two Gaussians, in double:
//   FD = |mu1 - mu2|^2 + tr(S1) + tr(S2) - 2 tr((S1 S2)^(1/2)).
// tr((S1 S2)^(1/2)) is the sum of the square roots of the eigenvalues of the symmetric A S2 A with
// A = S1^(1/2) (S1 S2 is similar to it). With fewer clips than feature dimensions the covariances
// are singular, and eigenvalues that are exactly zero come out as round-off of about 1e-18 whose
// square roots (1e-9) would add up. So an eigenvalue is taken as zero when it is at most
// dims * epsilon * scale (numpy.linalg.matrix_rank's tolerance; epsilon = 2^-52), where scale is
// the largest eigenvalue of S1 for S1 (before its square root), and the product of the largest
// eigenvalues of S1 and S2 for A S2 A (its eigenvalues are bounded by that, and so is its
// round-off). The value is computed with S1 first and with S2 first and the two averaged, so
// FD(a, b) == FD(b, a) exactly; BLAS and LAPACK run on one thread, so the thread count does not
// change it. Where scipy's sqrtm keeps the round-off (7e-9 off on 5 clips of 8 dimensions), this
// is within 1e-12 of the closed form (tests/unit/learned/frechet_test.cc).
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
