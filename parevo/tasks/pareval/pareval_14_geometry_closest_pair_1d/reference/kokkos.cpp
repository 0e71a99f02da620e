// Kokkos reference for ParEval 14: sort a copy (Kokkos::sort), then the smallest gap between
// neighbours is a min-reduction.
#include <Kokkos_Core.hpp>
#include <Kokkos_Sort.hpp>
#include <limits>

double closestPair(Kokkos::View<const double*> &x) {
  const size_t n = x.extent(0);
  if (n < 2) return std::numeric_limits<double>::infinity();
  Kokkos::View<double*> s("sorted", n);
  Kokkos::deep_copy(s, x);
  Kokkos::sort(s);
  double best = std::numeric_limits<double>::infinity();
  Kokkos::parallel_reduce("gap", Kokkos::RangePolicy<>(1, n), KOKKOS_LAMBDA(const size_t i, double& m) {
    const double g = s(i) - s(i - 1);
    if (g < m) m = g;
  }, Kokkos::Min<double>(best));
  return best;
}
