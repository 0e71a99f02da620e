// ParEval 03's Kokkos view (trusted, linked with the candidate; verify/context.py kokkos_view):
// the task's C++ function calls the candidate's Kokkos overload on unmanaged views of the same memory.
#include <Kokkos_Core.hpp>
#include <vector>

void axpy(double alpha, Kokkos::View<const double*> &x, Kokkos::View<const double*> &y, Kokkos::View<double*> &z);

void axpy(double alpha, std::vector<double> const& x, std::vector<double> const& y, std::vector<double> &z) {
  Kokkos::View<const double*> xv(x.data(), x.size()), yv(y.data(), y.size());
  Kokkos::View<double*> zv(z.data(), z.size());
  axpy(alpha, xv, yv, zv);
  Kokkos::fence();
}
