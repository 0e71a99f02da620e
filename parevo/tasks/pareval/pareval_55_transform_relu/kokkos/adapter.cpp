// ParEval 55's Kokkos view (trusted, linked with the candidate; verify/context.py kokkos_view):
// the task's C++ function calls the candidate's Kokkos overload on unmanaged views of the same memory.
#include <Kokkos_Core.hpp>
#include <vector>

void relu(Kokkos::View<double*> &x);

void relu(std::vector<double> &x) {
  Kokkos::View<double*> xv(x.data(), x.size());
  relu(xv);
  Kokkos::fence();
}
