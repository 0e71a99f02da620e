// Kokkos reference for ParEval 06: a table of the N roots of unity (one parallel_for), then one
// output frequency per iteration, indexing the table by k*n mod N kept incrementally (no
// trigonometry in the inner loop).
#include <Kokkos_Core.hpp>
#include <cmath>

void dft(Kokkos::View<const double*> &x, Kokkos::View<Kokkos::complex<double>*> &output) {
  const size_t N = x.extent(0);
  Kokkos::View<double*> c("cos", N), s("sin", N);
  Kokkos::parallel_for("roots", N, KOKKOS_LAMBDA(const size_t m) {
    const double a = -2.0 * M_PI * static_cast<double>(m) / static_cast<double>(N);
    c(m) = std::cos(a);
    s(m) = std::sin(a);
  });
  Kokkos::parallel_for("dft", Kokkos::RangePolicy<Kokkos::Schedule<Kokkos::Dynamic>>(0, N), KOKKOS_LAMBDA(const size_t k) {
    double re = 0, im = 0;
    size_t idx = 0;
    for (size_t n = 0; n < N; ++n) {
      re += x(n) * c(idx);
      im += x(n) * s(idx);
      idx += k;
      if (idx >= N) idx -= N;
    }
    output(k) = Kokkos::complex<double>(re, im);
  });
  Kokkos::fence();
}
