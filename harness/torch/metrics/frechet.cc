#include "harness/torch/metrics/frechet.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

#include <ATen/ATen.h>
#include <omp.h>

namespace tgvc {
namespace {

at::Tensor matrix(const std::vector<double>& v, int64_t n) {
  return at::from_blob(const_cast<double*>(v.data()), {n, n}, at::kDouble).clone();
}

// The BLAS and LAPACK calls below split their work by the OpenMP thread count, and the split
// changes the last bits of their results: run them on one thread. The count is per calling
// thread, so other threads are not affected.
class SingleThreadedBlas {
 public:
  SingleThreadedBlas() : saved_(omp_get_max_threads()) { omp_set_num_threads(1); }
  ~SingleThreadedBlas() { omp_set_num_threads(saved_); }

 private:
  int saved_;
};

// Eigenvalues at or below this are round-off of a zero eigenvalue (frechet.h): numpy's
// matrix_rank rule, dims * epsilon * scale.
double zero_threshold(int64_t dims, double scale) {
  return static_cast<double>(dims) * std::numeric_limits<double>::epsilon() * scale;
}

struct Eigen {
  at::Tensor values;   // ascending, those below the threshold set to exactly zero
  at::Tensor vectors;  // columns
  double largest = 0;
};

Eigen symmetric_eigen(const at::Tensor& s) {
  auto [values, vectors] = at::linalg_eigh(s);
  Eigen e;
  e.largest = std::max(0.0, values[-1].item<double>());
  e.values = at::where(values > zero_threshold(s.size(0), e.largest), values, at::zeros_like(values));
  e.vectors = vectors;
  return e;
}

// tr((S1 S2)^(1/2)) as the sum of the square roots of the eigenvalues of A S2 A, A = S1^(1/2):
// A S2 A is similar to S1 S2, symmetric and positive semi-definite. Its eigenvalues are at most
// about |S1| |S2|, and round-off in it is relative to that scale, not to its own largest
// eigenvalue (which can be far smaller when the two covariances barely overlap).
double trace_sqrt_product(const Eigen& e1, const at::Tensor& s2, double largest2) {
  const at::Tensor root = e1.vectors.matmul(at::diag(e1.values.sqrt())).matmul(e1.vectors.transpose(0, 1));
  at::Tensor m = root.matmul(s2).matmul(root);
  m = (m + m.transpose(0, 1)) / 2;
  const at::Tensor mu = at::linalg_eigvalsh(m);
  const double threshold = zero_threshold(m.size(0), e1.largest * largest2);
  const at::Tensor kept = at::where(mu > threshold, mu, at::zeros_like(mu)).sqrt().contiguous();
  const double* l = kept.data_ptr<double>();
  double sum = 0;
  for (int64_t i = 0; i < kept.size(0); ++i) sum += l[i];  // fixed order
  return sum;
}

}  // namespace

GaussianStats gaussian_stats(const std::vector<double>& rows, int64_t count, int64_t dims,
                             Covariance convention) {
  assert(count >= (convention == Covariance::kUnbiased ? 2 : 1));
  assert(static_cast<int64_t>(rows.size()) == count * dims);
  GaussianStats s;
  s.count = count;
  s.dims = dims;
  s.mean.assign(static_cast<size_t>(dims), 0.0);
  for (int64_t r = 0; r < count; ++r) {
    for (int64_t d = 0; d < dims; ++d) s.mean[d] += rows[r * dims + d];
  }
  for (double& m : s.mean) m /= static_cast<double>(count);
  s.cov.assign(static_cast<size_t>(dims * dims), 0.0);
  std::vector<double> centred(static_cast<size_t>(dims));
  for (int64_t r = 0; r < count; ++r) {
    for (int64_t d = 0; d < dims; ++d) centred[d] = rows[r * dims + d] - s.mean[d];
    for (int64_t i = 0; i < dims; ++i) {
      const double ci = centred[i];
      double* row = &s.cov[i * dims];
      for (int64_t j = i; j < dims; ++j) row[j] += ci * centred[j];
    }
  }
  const double divisor = static_cast<double>(convention == Covariance::kUnbiased ? count - 1 : count);
  for (int64_t i = 0; i < dims; ++i) {
    for (int64_t j = i; j < dims; ++j) {
      s.cov[i * dims + j] /= divisor;
      s.cov[j * dims + i] = s.cov[i * dims + j];
    }
  }
  return s;
}

FrechetTerms frechet_distance(const GaussianStats& a, const GaussianStats& b) {
  assert(a.dims == b.dims);
  const int64_t n = a.dims;
  FrechetTerms t;
  for (int64_t d = 0; d < n; ++d) t.mean_term += (a.mean[d] - b.mean[d]) * (a.mean[d] - b.mean[d]);
  double trace = 0;
  for (int64_t d = 0; d < n; ++d) trace += a.cov[d * n + d] + b.cov[d * n + d];
  const SingleThreadedBlas one_thread;
  const at::Tensor s1 = matrix(a.cov, n);
  const at::Tensor s2 = matrix(b.cov, n);
  const Eigen e1 = symmetric_eigen(s1);
  const Eigen e2 = symmetric_eigen(s2);
  // Both orders, added: the sum is the same whichever argument comes first.
  t.trace_sqrt = (trace_sqrt_product(e1, s2, e2.largest) + trace_sqrt_product(e2, s1, e1.largest)) / 2;
  t.distance = t.mean_term + trace - 2 * t.trace_sqrt;
  return t;
}

}  // namespace tgvc
