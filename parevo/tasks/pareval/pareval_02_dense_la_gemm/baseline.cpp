// Sequential baseline: i-k-j loop order (contiguous, vectorizable inner loop over a row of B
// and of C), 64-wide blocks of k so a panel of B stays in cache.
#include <algorithm>
#include <cstddef>
#include <vector>

void gemm(std::vector<double> const& A, std::vector<double> const& B, std::vector<double> &C, size_t M, size_t K, size_t N) {
  C.assign(M * N, 0.0);
  const double* a = A.data();
  const double* b = B.data();
  double* c = C.data();
  const size_t KB = 64, JB = 512;
  for (size_t j0 = 0; j0 < N; j0 += JB) {
    const size_t j1 = std::min(N, j0 + JB);
    for (size_t k0 = 0; k0 < K; k0 += KB) {
      const size_t k1 = std::min(K, k0 + KB);
      for (size_t i = 0; i < M; ++i) {
        double* ci = c + i * N;
        for (size_t k = k0; k < k1; ++k) {
          const double aik = a[i * K + k];
          const double* bk = b + k * N;
          for (size_t j = j0; j < j1; ++j) ci[j] += aik * bk[j];
        }
      }
    }
  }
}
