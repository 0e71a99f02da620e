// ParEval 14's Kokkos view (trusted, linked with the candidate; verify/context.py kokkos_view):
// the task's C++ function calls the candidate's Kokkos overload on unmanaged views of the same memory.
#include <Kokkos_Core.hpp>
#include <vector>

double closestPair(Kokkos::View<const double*> &x);

double closestPair(std::vector<double> const& x) {
  Kokkos::View<const double*> xv(x.data(), x.size());
  const double d = closestPair(xv);
  Kokkos::fence();
  return d;
}
