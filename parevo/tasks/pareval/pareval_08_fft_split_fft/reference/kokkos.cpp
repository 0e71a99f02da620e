// Kokkos reference for ParEval 08: an iterative radix-2 FFT (N is a power of two): the input in
// bit-reversed order, then log2(N) stages of N/2 independent butterflies each, one parallel_for
// per stage, with a twiddle table; the result is split into its real and imaginary parts.
#include <Kokkos_Core.hpp>
#include <cmath>

void fft(Kokkos::View<Kokkos::complex<double>*> const& x, Kokkos::View<double*> &r, Kokkos::View<double*> &i) {
  const size_t n = x.extent(0);
  int bits = 0;
  while ((size_t{1} << bits) < n) ++bits;
  Kokkos::View<Kokkos::complex<double>*> a("a", n), w("w", n / 2 + 1);
  Kokkos::parallel_for("permute", n, KOKKOS_LAMBDA(const size_t k) {
    size_t rev = 0;
    for (int b = 0; b < bits; ++b) rev |= ((k >> b) & 1) << (bits - 1 - b);
    a(rev) = x(k);
  });
  Kokkos::parallel_for("twiddles", n / 2, KOKKOS_LAMBDA(const size_t k) {
    const double angle = -6.283185307179586476925 * static_cast<double>(k) / static_cast<double>(n);
    w(k) = Kokkos::complex<double>(std::cos(angle), std::sin(angle));
  });
  for (size_t len = 2; len <= n; len <<= 1) {
    const size_t half = len / 2, step = n / len;
    Kokkos::parallel_for("butterflies", n / 2, KOKKOS_LAMBDA(const size_t b) {
      const size_t j = b % half, at = (b / half) * len + j;
      const Kokkos::complex<double> u = a(at), t = w(j * step) * a(at + half);
      a(at) = u + t;
      a(at + half) = u - t;
    });
  }
  Kokkos::parallel_for("split", n, KOKKOS_LAMBDA(const size_t k) {
    r(k) = a(k).real();
    i(k) = a(k).imag();
  });
  Kokkos::fence();
}
