// Kokkos reference for ParEval 36: a logical-or reduction (a count of matches would overflow).
#include <Kokkos_Core.hpp>

bool contains(Kokkos::View<const int*> const& x, int target) {
  int found = 0;
  Kokkos::parallel_reduce("find", x.extent(0), KOKKOS_LAMBDA(const size_t i, int& f) {
    if (x(i) == target) f = 1;
  }, Kokkos::Max<int>(found));
  return found != 0;
}
