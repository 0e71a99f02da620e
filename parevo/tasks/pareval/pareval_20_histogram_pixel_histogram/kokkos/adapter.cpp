// ParEval 20's Kokkos view (trusted, linked with the candidate; verify/context.py kokkos_view):
// the task's C++ function calls the candidate's Kokkos overload on unmanaged views of the same memory.
#include <Kokkos_Core.hpp>
#include <array>
#include <cstddef>
#include <vector>

void pixelCounts(Kokkos::View<const int*> const& image, Kokkos::View<size_t[256]> &bins);

void pixelCounts(std::vector<int> const& image, std::array<size_t, 256> &bins) {
  Kokkos::View<const int*> iv(image.data(), image.size());
  Kokkos::View<size_t[256]> bv(bins.data());
  pixelCounts(iv, bv);
  Kokkos::fence();
}
