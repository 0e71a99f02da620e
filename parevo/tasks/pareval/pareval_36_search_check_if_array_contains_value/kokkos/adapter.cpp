// ParEval 36's Kokkos view (trusted, linked with the candidate; verify/context.py kokkos_view):
// the task's C++ function calls the candidate's Kokkos overload on unmanaged views of the same memory.
#include <Kokkos_Core.hpp>
#include <vector>

bool contains(Kokkos::View<const int*> const& x, int target);

bool contains(std::vector<int> const& x, int target) {
  Kokkos::View<const int*> xv(x.data(), x.size());
  const bool found = contains(xv, target);
  Kokkos::fence();
  return found;
}
