// Sequential baseline: Gaussian elimination with partial pivoting on a copy of A (rows swapped
// in place), then back substitution.
#include <cmath>
#include <cstddef>
#include <utility>
#include <vector>

void solveLinearSystem(std::vector<double> const& A, std::vector<double> const& b, std::vector<double> &x, size_t N) {
  std::vector<double> M = A, c = b;
  double* m = M.data();
  for (size_t k = 0; k < N; ++k) {
    size_t p = k;
    for (size_t i = k + 1; i < N; ++i)
      if (std::abs(m[i * N + k]) > std::abs(m[p * N + k])) p = i;
    if (p != k) {
      for (size_t j = k; j < N; ++j) std::swap(m[k * N + j], m[p * N + j]);
      std::swap(c[k], c[p]);
    }
    const double* rowk = m + k * N;
    for (size_t i = k + 1; i < N; ++i) {
      double* rowi = m + i * N;
      const double f = rowi[k] / rowk[k];
      if (f == 0.0) continue;
      for (size_t j = k + 1; j < N; ++j) rowi[j] -= f * rowk[j];
      c[i] -= f * c[k];
    }
  }
  x.assign(N, 0.0);
  for (size_t i = N; i-- > 0;) {
    double s = c[i];
    for (size_t j = i + 1; j < N; ++j) s -= m[i * N + j] * x[j];
    x[i] = s / m[i * N + i];
  }
}
