// Kokkos reference for ParEval 27: a sum-reduction divided by the count.
#include <Kokkos_Core.hpp>

double average(Kokkos::View<const double*> const& x) {
  const size_t n = x.extent(0);
  double sum = 0;
  Kokkos::parallel_reduce("sum", n, KOKKOS_LAMBDA(const size_t i, double& s) { s += x(i); }, sum);
  return sum / static_cast<double>(n);
}
