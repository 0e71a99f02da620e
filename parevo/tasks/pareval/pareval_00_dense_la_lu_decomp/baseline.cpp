// Sequential baseline: right-looking Doolittle elimination, row operations with a contiguous
// inner loop.
#include <cstddef>
#include <vector>

void luFactorize(std::vector<double> &A, size_t N) {
  double* a = A.data();
  for (size_t k = 0; k < N; ++k) {
    const double* rowk = a + k * N;
    const double pivot = rowk[k];
    for (size_t i = k + 1; i < N; ++i) {
      double* rowi = a + i * N;
      const double f = rowi[k] / pivot;
      rowi[k] = f;
      if (f == 0.0) continue;
      for (size_t j = k + 1; j < N; ++j) rowi[j] -= f * rowk[j];
    }
  }
}
