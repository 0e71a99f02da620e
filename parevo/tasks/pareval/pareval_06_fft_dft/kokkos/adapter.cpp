// ParEval 06's Kokkos view (trusted, linked with the candidate; verify/context.py kokkos_view):
// the task's C++ function calls the candidate's Kokkos overload on unmanaged views of the same memory.
#include <Kokkos_Core.hpp>
#include <complex>
#include <vector>

void dft(Kokkos::View<const double*> &x, Kokkos::View<Kokkos::complex<double>*> &output);

void dft(std::vector<double> const& x, std::vector<std::complex<double>> &output) {
  static_assert(sizeof(Kokkos::complex<double>) == sizeof(std::complex<double>), "same layout");
  Kokkos::View<const double*> xv(x.data(), x.size());
  Kokkos::View<Kokkos::complex<double>*> ov(reinterpret_cast<Kokkos::complex<double>*>(output.data()), output.size());
  dft(xv, ov);
  Kokkos::fence();
}
