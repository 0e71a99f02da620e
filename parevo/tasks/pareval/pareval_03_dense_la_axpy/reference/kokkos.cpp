// Kokkos reference for ParEval 03: one element per iteration.
#include <Kokkos_Core.hpp>

void axpy(double alpha, Kokkos::View<const double*> &x, Kokkos::View<const double*> &y, Kokkos::View<double*> &z) {
  Kokkos::parallel_for("axpy", x.extent(0), KOKKOS_LAMBDA(const size_t i) { z(i) = alpha * x(i) + y(i); });
  Kokkos::fence();
}
