// Kokkos reference for ParEval 36: a logical-or reduction (a count of matches could overflow).
#include <Kokkos_Core.hpp>

bool contains(Kokkos::View<const int*> const& x, int target) {
  int found = 0;
  Kokkos::parallel_reduce("find", x.extent(0), KOKKOS_LAMBDA(const size_t i, int& f) {
    f = f || x(i) == target;
  }, Kokkos::LOr<int>(found));
  return found != 0;
}
