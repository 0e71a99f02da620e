// Sequential baseline: copy, then radix-2 FFT in place.
#include <cmath>
#include <complex>
#include <cstddef>
#include <utility>
#include <vector>

namespace {
// Iterative radix-2 FFT in place: bit-reversal permutation, then butterflies with a
// precomputed twiddle table. sign = -1 forward, +1 inverse (unscaled). N is a power of two.
void fft_inplace(std::vector<std::complex<double>>& a, int sign) {
  const size_t N = a.size();
  if (N < 2) return;
  for (size_t i = 1, j = 0; i < N; ++i) {
    size_t bit = N >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) std::swap(a[i], a[j]);
  }
  std::vector<std::complex<double>> w(N / 2);
  for (size_t k = 0; k < N / 2; ++k) w[k] = std::polar(1.0, sign * 6.283185307179586476925 * static_cast<double>(k) / N);
  for (size_t len = 2; len <= N; len <<= 1) {
    const size_t half = len / 2, step = N / len;
    for (size_t i = 0; i < N; i += len)
      for (size_t j = 0; j < half; ++j) {
        const std::complex<double> wk = w[j * step], b = a[i + j + half], u = a[i + j];
        const std::complex<double> t(wk.real() * b.real() - wk.imag() * b.imag(), wk.real() * b.imag() + wk.imag() * b.real());
        a[i + j + half] = u - t;
        a[i + j] = u + t;
      }
  }
}
}  // namespace

void fft(std::vector<std::complex<double>> const& x, std::vector<std::complex<double>> &output) {
  output = x;
  fft_inplace(output, -1);
}
