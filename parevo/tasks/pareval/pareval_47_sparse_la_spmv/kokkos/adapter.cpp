// ParEval 47's Kokkos view (trusted, linked with the candidate; verify/context.py kokkos_view):
// the task's C++ function calls the candidate's Kokkos overload on unmanaged views of the same memory.
#include <Kokkos_Core.hpp>
#include <cstddef>
#include <vector>

struct COOElement {
   size_t row, column;
   double value;
};

void spmv(double alpha, Kokkos::View<const COOElement*> const& A, Kokkos::View<const double*> const& x, double beta,
          Kokkos::View<double *> &y, size_t M, size_t N);

void spmv(double alpha, std::vector<COOElement> const& A, std::vector<double> const& x, double beta,
          std::vector<double> &y, size_t M, size_t N) {
  Kokkos::View<const COOElement*> av(A.data(), A.size());
  Kokkos::View<const double*> xv(x.data(), x.size());
  Kokkos::View<double*> yv(y.data(), y.size());
  spmv(alpha, av, xv, beta, yv, M, N);
  Kokkos::fence();
}
