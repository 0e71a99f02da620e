// Kokkos reference for ParEval 47: scale y by beta, then add every element's product atomically
// (COO entries are in no particular order and rows repeat).
#include <Kokkos_Core.hpp>

struct COOElement {
   size_t row, column;
   double value;
};

void spmv(double alpha, Kokkos::View<const COOElement*> const& A, Kokkos::View<const double*> const& x, double beta,
          Kokkos::View<double *> &y, size_t M, size_t N) {
  (void)N;
  Kokkos::parallel_for("scale", M, KOKKOS_LAMBDA(const size_t i) { y(i) *= beta; });
  Kokkos::parallel_for("products", A.extent(0), KOKKOS_LAMBDA(const size_t k) {
    const COOElement e = A(k);
    Kokkos::atomic_add(&y(e.row), alpha * e.value * x(e.column));
  });
  Kokkos::fence();
}
