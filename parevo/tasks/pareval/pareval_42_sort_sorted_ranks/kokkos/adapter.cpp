// ParEval 42's Kokkos view (trusted, linked with the candidate; verify/context.py kokkos_view):
// the task's C++ function calls the candidate's Kokkos overload on unmanaged views of the same memory.
#include <Kokkos_Core.hpp>
#include <cstddef>
#include <vector>

void ranks(Kokkos::View<const float*> const& x, Kokkos::View<size_t*> &ranks);

void ranks(std::vector<float> const& x, std::vector<size_t> &ranks_out) {
  Kokkos::View<const float*> xv(x.data(), x.size());
  Kokkos::View<size_t*> rv(ranks_out.data(), ranks_out.size());
  ranks(xv, rv);
  Kokkos::fence();
}
