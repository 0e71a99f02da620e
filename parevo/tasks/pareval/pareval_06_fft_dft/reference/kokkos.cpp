// Kokkos reference for ParEval 06: one output frequency per iteration, the twiddle angle reduced
// modulo N in integers so that large k*n stay exact.
#include <Kokkos_Core.hpp>
#include <cmath>

void dft(Kokkos::View<const double*> &x, Kokkos::View<Kokkos::complex<double>*> &output) {
  const size_t N = x.extent(0);
  Kokkos::parallel_for("dft", Kokkos::RangePolicy<>(0, N), KOKKOS_LAMBDA(const size_t k) {
    double re = 0, im = 0;
    for (size_t n = 0; n < N; ++n) {
      const double angle = 2.0 * M_PI * static_cast<double>((k * n) % N) / static_cast<double>(N);
      re += x(n) * std::cos(angle);
      im -= x(n) * std::sin(angle);
    }
    output(k) = Kokkos::complex<double>(re, im);
  });
  Kokkos::fence();
}
