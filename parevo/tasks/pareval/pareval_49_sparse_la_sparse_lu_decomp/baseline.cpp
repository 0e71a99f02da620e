// Sequential baseline: scatter A into U (dense, row-major), then right-looking Doolittle
// elimination without pivoting; L gets the multipliers and a unit diagonal, and both
// triangles that must be zero are written explicitly.
#include <cstddef>
#include <vector>

struct COOElement {
   size_t row, column;
   double value;
};

void luFactorize(std::vector<COOElement> const& A, std::vector<double> &L, std::vector<double> &U, size_t N) {
  for (size_t i = 0; i < N * N; ++i) { L[i] = 0.0; U[i] = 0.0; }
  for (const COOElement& e : A) U[e.row * N + e.column] += e.value;
  for (size_t k = 0; k < N; ++k) {
    L[k * N + k] = 1.0;
    const double* pivot_row = U.data() + k * N;
    const double inv = 1.0 / pivot_row[k];
    for (size_t i = k + 1; i < N; ++i) {
      double* row = U.data() + i * N;
      const double f = row[k] * inv;
      row[k] = 0.0;
      L[i * N + k] = f;
      if (f == 0.0) continue;
      for (size_t j = k + 1; j < N; ++j) row[j] -= f * pivot_row[j];
    }
  }
}
