// Sequential baseline: the O(N^2) sum with a table of the N roots of unity, indexed by
// k*n mod N (kept incrementally), so no trigonometry in the inner loop.
#include <cmath>
#include <complex>
#include <cstddef>
#include <vector>

void dft(std::vector<double> const& x, std::vector<std::complex<double>> &output) {
  const size_t N = x.size();
  std::vector<double> c(N), s(N);
  for (size_t m = 0; m < N; ++m) {
    const double a = -6.283185307179586476925 * static_cast<double>(m) / static_cast<double>(N);
    c[m] = std::cos(a);
    s[m] = std::sin(a);
  }
  output.resize(N);
  for (size_t k = 0; k < N; ++k) {
    double re = 0, im = 0;
    size_t idx = 0;
    for (size_t n = 0; n < N; ++n) {
      re += x[n] * c[idx];
      im += x[n] * s[idx];
      idx += k;
      if (idx >= N) idx -= N;
    }
    output[k] = {re, im};
  }
}
