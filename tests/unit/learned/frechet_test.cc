// The Frechet distance against the reference vectors (both covariance conventions), in double.
#include <gtest/gtest.h>

#include <ATen/Parallel.h>

#include "harness/core/lcg.h"
#include "harness/metrics/learned/frechet.h"
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
  // Square roots of the round-off in the ~350 zero eigenvalues: about 1e-7 of the trace, as with
  // scipy's sqrtm.
  EXPECT_NEAR(frechet_distance(sa, sa).distance, 0.0, 1e-6 * trace);
  const double ab = frechet_distance(sa, sb).distance;
  EXPECT_NEAR(frechet_distance(sb, sa).distance, ab, 1e-9 * ab);
  const int threads = at::get_num_threads();
  at::set_num_threads(1);
  const double one = frechet_distance(sa, sb).distance;
  at::set_num_threads(2);
  const double two = frechet_distance(sa, sb).distance;
  at::set_num_threads(threads);
  EXPECT_EQ(one, two);
}

}  // namespace
}  // namespace tgvc
