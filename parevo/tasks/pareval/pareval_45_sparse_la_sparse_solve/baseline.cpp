// Sequential baseline: scatter A into a dense row-major matrix, Gaussian elimination with
// partial pivoting (rows whose multiplier is zero are skipped, which keeps sparse structure
// cheap), then back substitution.
#include <cmath>
#include <cstddef>
#include <utility>
#include <vector>

struct COOElement {
   size_t row, column;
   double value;
};

void solveLinearSystem(std::vector<COOElement> const& A, std::vector<double> const& b, std::vector<double> &x, size_t N) {
  std::vector<double> a(N * N, 0.0), rhs(b);
  for (const COOElement& e : A) a[e.row * N + e.column] += e.value;
  for (size_t k = 0; k < N; ++k) {
    size_t p = k;
    for (size_t i = k + 1; i < N; ++i)
      if (std::abs(a[i * N + k]) > std::abs(a[p * N + k])) p = i;
    if (p != k) {
      for (size_t j = k; j < N; ++j) std::swap(a[p * N + j], a[k * N + j]);
      std::swap(rhs[p], rhs[k]);
    }
    const double* pivot_row = a.data() + k * N;
    const double inv = 1.0 / pivot_row[k];
    for (size_t i = k + 1; i < N; ++i) {
      double* row = a.data() + i * N;
      if (row[k] == 0.0) continue;
      const double f = row[k] * inv;
      row[k] = 0.0;
      for (size_t j = k + 1; j < N; ++j) row[j] -= f * pivot_row[j];
      rhs[i] -= f * rhs[k];
    }
  }
  for (size_t i = N; i-- > 0;) {
    const double* row = a.data() + i * N;
    double s = rhs[i];
    for (size_t j = i + 1; j < N; ++j) s -= row[j] * x[j];
    x[i] = s / row[i];
  }
}
