// ParEval 27's Kokkos view (trusted, linked with the candidate; verify/context.py kokkos_view):
// the task's C++ function calls the candidate's Kokkos overload on unmanaged views of the same memory.
#include <Kokkos_Core.hpp>
#include <vector>

double average(Kokkos::View<const double*> const& x);

double average(std::vector<double> const& x) {
  Kokkos::View<const double*> xv(x.data(), x.size());
  const double a = average(xv);
  Kokkos::fence();
  return a;
}
