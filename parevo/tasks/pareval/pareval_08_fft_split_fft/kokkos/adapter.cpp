// ParEval 08's Kokkos view (trusted, hand-written; verify/context.py kokkos_view): the task's C++
// function calls the candidate's Kokkos overload on unmanaged views of the same memory.
// The prompt's x is a View of non-const complex: a candidate may use it as scratch space, as
// ParEval's driver allows. Writing through it touches only this call's input, which the candidate
// process maps privately (copy-on-write, verify/cxx/harness_main.cpp): the harness validates
// against its own copy, so no copy of x is needed here.
#include <Kokkos_Core.hpp>
#include <complex>
#include <vector>

void fft(Kokkos::View<Kokkos::complex<double>*> const& x, Kokkos::View<double*> &r, Kokkos::View<double*> &i);

void fft(std::vector<std::complex<double>> const& x, std::vector<double> &r, std::vector<double> &i) {
  Kokkos::View<Kokkos::complex<double>*> k_x(
      reinterpret_cast<Kokkos::complex<double>*>(const_cast<std::complex<double>*>(x.data())), x.size());
  Kokkos::View<double*> k_r(r.data(), r.size());
  Kokkos::View<double*> k_i(i.data(), i.size());
  fft(k_x, k_r, k_i);
  Kokkos::fence();
}
