// ParEval 15's Kokkos view (trusted, linked with the candidate; verify/context.py kokkos_view):
// the task's C++ function calls the candidate's Kokkos overload on unmanaged views of the same memory.
#include <Kokkos_Core.hpp>
#include <cstddef>
#include <vector>

int edgeCount(Kokkos::View<const int**> &A, size_t N);

int edgeCount(std::vector<int> const& A, size_t N) {
  Kokkos::View<const int**> av(A.data(), N, N);  // row-major: Kokkos's LayoutRight on the host
  const int count = edgeCount(av, N);
  Kokkos::fence();
  return count;
}
