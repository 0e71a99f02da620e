// ParEval 50's Kokkos view (trusted, linked with the candidate; verify/context.py kokkos_view):
// the task's C++ function calls the candidate's Kokkos overload on unmanaged views of the same memory.
#include <Kokkos_Core.hpp>
#include <cstddef>
#include <vector>

void cellsXOR(Kokkos::View<const int**> &input, Kokkos::View<int**> &output, size_t N);

void cellsXOR(std::vector<int> const& input, std::vector<int> &output, size_t N) {
  Kokkos::View<const int**> iv(input.data(), N, N);  // row-major: Kokkos's LayoutRight on the host
  Kokkos::View<int**> ov(output.data(), N, N);
  cellsXOR(iv, ov, N);
  Kokkos::fence();
}
