// Kokkos reference for ParEval 55: one element per iteration.
#include <Kokkos_Core.hpp>

void relu(Kokkos::View<double*> &x) {
  Kokkos::parallel_for("relu", x.extent(0), KOKKOS_LAMBDA(const size_t i) { x(i) = x(i) > 0 ? x(i) : 0.0; });
  Kokkos::fence();
}
