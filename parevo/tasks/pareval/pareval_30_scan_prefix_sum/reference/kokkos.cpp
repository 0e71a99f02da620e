// Kokkos reference for ParEval 30: an inclusive parallel_scan.
#include <Kokkos_Core.hpp>

void prefixSum(Kokkos::View<const double*> const& x, Kokkos::View<double*> &output) {
  Kokkos::parallel_scan("prefix", x.extent(0), KOKKOS_LAMBDA(const size_t i, double& partial, const bool final) {
    partial += x(i);
    if (final) output(i) = partial;
  });
  Kokkos::fence();
}
