// Sequential baseline: one dot product per row.
#include <cstddef>
#include <vector>

void gemv(std::vector<double> const& A, std::vector<double> const& x, std::vector<double> &y, size_t M, size_t N) {
  y.resize(M);
  const double* a = A.data();
  const double* xp = x.data();
  for (size_t i = 0; i < M; ++i) {
    const double* row = a + i * N;
    double s = 0;
    for (size_t j = 0; j < N; ++j) s += row[j] * xp[j];
    y[i] = s;
  }
}
