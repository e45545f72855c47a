// The Frechet distance against the reference vectors (both covariance conventions), in double.
#include <gtest/gtest.h>

#include <ATen/Parallel.h>

#include "harness/core/lcg.h"
#include "harness/torch/metrics/frechet.h"
#include "tests/unit/learned/learned_test_util.h"

namespace tgvc {
namespace {

GaussianStats given(const nlohmann::json& mu, const nlohmann::json& sigma) {
  GaussianStats s;
  s.dims = static_cast<int64_t>(mu.size());
  for (const auto& m : mu) s.mean.push_back(m.get<double>());
  for (const auto& row : sigma) {
    for (const auto& x : row) s.cov.push_back(x.get<double>());
  }
  return s;
}

TEST(Frechet, ReproducesTheThreeDimensionalCase) {
  const nlohmann::json d3 = learned_test::reference_vectors()["frechet"]["d3"];
  const FrechetTerms t = frechet_distance(given(d3["mu1"], d3["sigma1"]), given(d3["mu2"], d3["sigma2"]));
  EXPECT_NEAR(t.mean_term, d3["mean_term"].get<double>(), 1e-12);
  EXPECT_NEAR(t.trace_sqrt, d3["trace_sqrt_s1s2"].get<double>(), 1e-9);
  EXPECT_NEAR(t.distance, d3["fd"].get<double>(), 1e-9);
}

TEST(Frechet, ReproducesTheEightDimensionalCase) {
  const nlohmann::json d8 = learned_test::reference_vectors()["frechet"]["d8"];
  GaussianStats a, b;
  a.dims = b.dims = 8;
  for (int i = 0; i < 8; ++i) {
    a.mean.push_back(i / 8.0);
    b.mean.push_back((i % 3) / 2.0);
    for (int j = 0; j < 8; ++j) {
      a.cov.push_back(std::pow(0.5, std::abs(i - j)));
      b.cov.push_back((i == j ? 1 + i / 4.0 : 0.0) + 0.1);
    }
  }
  const FrechetTerms t = frechet_distance(a, b);
  EXPECT_NEAR(t.mean_term, d8["mean_term"].get<double>(), 1e-12);
  EXPECT_NEAR(t.trace_sqrt, d8["trace_sqrt_s1s2"].get<double>(), 1e-9);
  EXPECT_NEAR(t.distance, d8["fd"].get<double>(), 1e-9);
}

std::vector<double> lcg_rows(uint32_t seed, double shift) {
  Lcg rng(seed);
  std::vector<double> rows;
  for (int i = 0; i < 60; ++i) rows.push_back(rng.next() / 65536.0 + shift);
  return rows;
}

TEST(Frechet, ReproducesSampleStatisticsWithBothCovariances) {
  const nlohmann::json s = learned_test::reference_vectors()["frechet"]["samples_20x3"];
  const std::vector<double> x = lcg_rows(7, 0), y = lcg_rows(8, 0.25);
  EXPECT_EQ(x[0], s["X_row0"][0].get<double>());
  EXPECT_EQ(y[2], s["Y_row0"][2].get<double>());
  double xs = 0, ys = 0;
  for (size_t i = 0; i < x.size(); ++i) xs += x[i], ys += y[i];
  EXPECT_NEAR(xs, s["X_sum"].get<double>(), 1e-12);
  EXPECT_NEAR(ys, s["Y_sum"].get<double>(), 1e-12);
  const double unbiased = frechet_distance(gaussian_stats(x, 20, 3, Covariance::kUnbiased),
                                           gaussian_stats(y, 20, 3, Covariance::kUnbiased))
                              .distance;
  const double biased = frechet_distance(gaussian_stats(x, 20, 3, Covariance::kBiased),
                                         gaussian_stats(y, 20, 3, Covariance::kBiased))
                            .distance;
  EXPECT_NEAR(unbiased, s["fd_unbiased_cov_n_minus_1"].get<double>(), 1e-9);
  EXPECT_NEAR(biased, s["fd_biased_cov_n"].get<double>(), 1e-9);
}

TEST(Frechet, IdenticalIsZeroSymmetricAndThreadIndependent) {
  // 400-d features from 50 rows (rank-deficient, as FVD sets often are) and a shifted set.
  Lcg rng(11);
  std::vector<double> a, b;
  for (int i = 0; i < 50 * 400; ++i) {
    a.push_back(rng.next() / 65536.0);
    b.push_back(rng.next() / 65536.0 * 1.1 + 0.05);
  }
  const GaussianStats sa = gaussian_stats(a, 50, 400, Covariance::kBiased);
  const GaussianStats sb = gaussian_stats(b, 50, 400, Covariance::kBiased);
  double trace = 0;
  for (int d = 0; d < 400; ++d) trace += sa.cov[d * 400 + d];
  // The ~350 zero eigenvalues are zeros, not round-off whose square roots add up (scipy's sqrtm
  // leaves about 1e-7 of the trace here).
  EXPECT_NEAR(frechet_distance(sa, sa).distance, 0.0, 1e-12 * trace);
  const double ab = frechet_distance(sa, sb).distance;
  EXPECT_EQ(frechet_distance(sb, sa).distance, ab);
  const int threads = at::get_num_threads();
  at::set_num_threads(1);
  const double one = frechet_distance(sa, sb).distance;
  at::set_num_threads(2);
  const double two = frechet_distance(sa, sb).distance;
  at::set_num_threads(threads);
  EXPECT_EQ(one, two);
}

// Q = I - J/4 (J all ones) is symmetric and orthogonal in 8 dimensions, with entries 3/4 and -1/4:
// Q diag(l) Q is exact in double for dyadic l.
std::vector<double> rotated_diagonal(const std::vector<double>& l) {
  const int n = 8;
  std::vector<double> s(n * n, 0.0);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) {
      for (int k = 0; k < n; ++k) {
        const double qik = (i == k ? 1.0 : 0.0) - 0.25, qjk = (j == k ? 1.0 : 0.0) - 0.25;
        s[i * n + j] += qik * l[k] * qjk;
      }
    }
  }
  return s;
}

GaussianStats stats(std::vector<double> mean, std::vector<double> cov) {
  GaussianStats s;
  s.dims = static_cast<int64_t>(mean.size());
  s.mean = std::move(mean);
  s.cov = std::move(cov);
  return s;
}

// Each order of the arguments and 1 or 4 threads give the same bits.
void expect_symmetric_and_thread_independent(const GaussianStats& a, const GaussianStats& b) {
  const int threads = at::get_num_threads();
  at::set_num_threads(1);
  const FrechetTerms one = frechet_distance(a, b);
  at::set_num_threads(4);
  const FrechetTerms four = frechet_distance(a, b);
  const FrechetTerms swapped = frechet_distance(b, a);
  at::set_num_threads(threads);
  EXPECT_EQ(one.distance, four.distance);
  EXPECT_EQ(one.trace_sqrt, four.trace_sqrt);
  EXPECT_EQ(one.distance, swapped.distance);
  EXPECT_EQ(one.trace_sqrt, swapped.trace_sqrt);
}

TEST(Frechet, CommutingRankDeficientCovariancesMatchTheClosedForm) {
  // Same eigenvectors, so tr((S1 S2)^(1/2)) = sum_i sqrt(l1_i l2_i) = 2 + 4 + 3 = 9; ranks 4 and 5,
  // zeros in different places. tr S1 = 16.25, tr S2 = 21.25, |mu1 - mu2|^2 = 1 + 0.25 = 1.25, so
  // FD = 1.25 + 37.5 - 18 = 20.75.
  const GaussianStats a = stats({0, 0, 0, 0, 0, 0, 0, 0}, rotated_diagonal({4, 9, 1, 0, 0, 2.25, 0, 0}));
  const GaussianStats b = stats({1, 0, 0, 0.5, 0, 0, 0, 0}, rotated_diagonal({1, 0, 16, 0, 0.25, 4, 0, 0}));
  const FrechetTerms t = frechet_distance(a, b);
  EXPECT_NEAR(t.trace_sqrt, 9.0, 1e-12 * 9.0);
  EXPECT_NEAR(t.distance, 20.75, 1e-12 * 20.75);
  EXPECT_NEAR(frechet_distance(b, b).distance, 0.0, 1e-12 * 21.25);
  expect_symmetric_and_thread_independent(a, b);
}

TEST(Frechet, RankOneAgainstAnyCovarianceMatchesTheClosedForm) {
  // S1 = u u^T: S1 S2 = u (u^T S2) has the single eigenvalue u^T S2 u, so
  // tr((S1 S2)^(1/2)) = sqrt(u^T S2 u) = |B^T u| for S2 = B B^T (rank 3, not commuting with S1).
  const std::vector<double> u = {1, 2, 0, -1, 3, 0, 1, 2};
  const double bt[3][8] = {{1, 0, 2, 0, -1, 1, 0, 3}, {0, 1, 1, -2, 0, 0, 2, 1}, {2, -1, 0, 1, 1, 3, 0, 0}};
  std::vector<double> s1(64), s2(64, 0.0);
  double trace1 = 0, trace2 = 0, btu2 = 0;
  for (int i = 0; i < 8; ++i) {
    for (int j = 0; j < 8; ++j) {
      s1[i * 8 + j] = u[i] * u[j];
      for (int k = 0; k < 3; ++k) s2[i * 8 + j] += bt[k][i] * bt[k][j];
    }
    trace1 += u[i] * u[i];
    trace2 += s2[i * 8 + i];
  }
  for (int k = 0; k < 3; ++k) {
    double dot = 0;
    for (int i = 0; i < 8; ++i) dot += bt[k][i] * u[i];
    btu2 += dot * dot;
  }
  const GaussianStats a = stats(std::vector<double>(8, 0.0), s1);
  const GaussianStats b = stats(std::vector<double>(8, 0.5), s2);
  const double trace_sqrt = std::sqrt(btu2);
  const double expected = 8 * 0.25 + trace1 + trace2 - 2 * trace_sqrt;
  const FrechetTerms t = frechet_distance(a, b);
  EXPECT_NEAR(t.trace_sqrt, trace_sqrt, 1e-12 * trace_sqrt);
  EXPECT_NEAR(t.distance, expected, 1e-12 * expected);
  expect_symmetric_and_thread_independent(a, b);
}

TEST(Frechet, FiveClipsOfEightDimensionsAreSymmetricAndExactOnIdenticalSets) {
  // The small FVD set: rank 4 covariances in 8 dimensions.
  Lcg rng(5);
  std::vector<double> x, y;
  for (int i = 0; i < 5 * 8; ++i) x.push_back(rng.next() / 65536.0);
  for (int i = 0; i < 5 * 8; ++i) y.push_back(rng.next() / 65536.0 + 0.1);
  const GaussianStats a = gaussian_stats(x, 5, 8, Covariance::kUnbiased);
  const GaussianStats b = gaussian_stats(y, 5, 8, Covariance::kUnbiased);
  double trace = 0;
  for (int d = 0; d < 8; ++d) trace += a.cov[d * 8 + d];
  EXPECT_NEAR(frechet_distance(a, a).distance, 0.0, 1e-12 * trace);
  expect_symmetric_and_thread_independent(a, b);
}

}  // namespace
}  // namespace tgvc
