// Kokkos reference for ParEval 59: one independent element per iteration.
#include <Kokkos_Core.hpp>

bool isPowerOfTwo(int x) {
	return (x > 0) && !(x & (x - 1));
}

void mapPowersOfTwo(Kokkos::View<const int*> const& x, Kokkos::View<bool*> &mask) {
  Kokkos::parallel_for("map", x.extent(0), KOKKOS_LAMBDA(const size_t i) { mask(i) = isPowerOfTwo(x(i)); });
  Kokkos::fence();
}
