#include "harness/metrics/learned/frechet.h"

#include <cassert>
#include <cmath>

#include <ATen/ATen.h>
#include <omp.h>

namespace tgvc {
namespace {

at::Tensor matrix(const std::vector<double>& v, int64_t n) {
  return at::from_blob(const_cast<double*>(v.data()), {n, n}, at::kDouble).clone();
}

// The BLAS and LAPACK calls below split their work by the OpenMP thread count, and the split
// changes the last bits of the eigenvalues near zero (the covariances are often singular): run
// them on one thread. The count is per calling thread, so other threads are not affected.
class SingleThreadedBlas {
 public:
  SingleThreadedBlas() : saved_(omp_get_max_threads()) { omp_set_num_threads(1); }
  ~SingleThreadedBlas() { omp_set_num_threads(saved_); }

 private:
  int saved_;
};

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
  auto [l1, v1] = at::linalg_eigh(s1);
  const at::Tensor root = v1.matmul(at::diag(l1.clamp_min(0).sqrt())).matmul(v1.transpose(0, 1));
  at::Tensor m = root.matmul(s2).matmul(root);
  m = (m + m.transpose(0, 1)) / 2;
  const at::Tensor l2 = at::linalg_eigvalsh(m).clamp_min(0).sqrt().contiguous();
  const double* l = l2.data_ptr<double>();
  for (int64_t i = 0; i < n; ++i) t.trace_sqrt += l[i];  // fixed order
  t.distance = t.mean_term + trace - 2 * t.trace_sqrt;
  return t;
}

}  // namespace tgvc
