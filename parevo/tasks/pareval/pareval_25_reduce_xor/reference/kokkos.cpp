// Kokkos reference for ParEval 25: the XOR of bools is the parity of the number of trues, a sum.
#include <Kokkos_Core.hpp>

bool reduceLogicalXOR(Kokkos::View<const bool*> const& x) {
  size_t trues = 0;
  Kokkos::parallel_reduce("count", x.extent(0), KOKKOS_LAMBDA(const size_t i, size_t& c) { c += x(i) ? 1 : 0; }, trues);
  return trues % 2 == 1;
}
