// ParEval 34's Kokkos view (trusted, hand-written; verify/context.py kokkos_view): the task's C++
// function calls the candidate's Kokkos overload on an unmanaged view of the same memory.
// The prompt's View is of non-const int, as in ParEval's driver. Writing through it touches only
// this call's input, which the candidate process maps privately (copy-on-write,
// verify/cxx/harness_main.cpp): the harness validates against its own copy, so no copy of x
// (which would be timed with the candidate) is needed here.
#include <Kokkos_Core.hpp>
#include <vector>

int maximumSubarray(Kokkos::View<int*> const& x);

int maximumSubarray(std::vector<int> const& x) {
  Kokkos::View<int*> k_x(const_cast<int*>(x.data()), x.size());
  const auto result = maximumSubarray(k_x);
  Kokkos::fence();
  return result;
}
