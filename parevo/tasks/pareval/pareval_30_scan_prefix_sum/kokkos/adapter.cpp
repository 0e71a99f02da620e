// ParEval 30's Kokkos view (trusted, linked with the candidate; verify/context.py kokkos_view):
// the task's C++ function calls the candidate's Kokkos overload on unmanaged views of the same memory.
#include <Kokkos_Core.hpp>
#include <vector>

void prefixSum(Kokkos::View<const double*> const& x, Kokkos::View<double*> &output);

void prefixSum(std::vector<double> const& x, std::vector<double> &output) {
  Kokkos::View<const double*> xv(x.data(), x.size());
  Kokkos::View<double*> ov(output.data(), output.size());
  prefixSum(xv, ov);
  Kokkos::fence();
}
