// Kokkos reference for ParEval 15: a sum-reduction over rows of the adjacency matrix.
#include <Kokkos_Core.hpp>

int edgeCount(Kokkos::View<const int**> &A, size_t N) {
  long long count = 0;
  Kokkos::parallel_reduce("edges", Kokkos::RangePolicy<>(0, N), KOKKOS_LAMBDA(const size_t i, long long& c) {
    for (size_t j = 0; j < N; ++j) c += A(i, j) != 0;
  }, count);
  return static_cast<int>(count);
}
