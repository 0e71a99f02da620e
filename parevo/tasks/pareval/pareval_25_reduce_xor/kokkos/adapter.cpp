// ParEval 25's Kokkos view (trusted, hand-written; verify/context.py kokkos_view): the task's C++
// function calls the candidate's Kokkos overload. std::vector<bool> packs its elements into bits,
// so there is no bool array to view: the bits are unpacked into one, serially (a parallel copy
// would count as the candidate's parallel work in the witness), and the copy is timed with the
// candidate (ParEval fills its View before its clock starts).
#include <Kokkos_Core.hpp>
#include <cstddef>
#include <memory>
#include <vector>

bool reduceLogicalXOR(Kokkos::View<const bool*> const& x);

bool reduceLogicalXOR(std::vector<bool> const& x) {
  const std::unique_ptr<bool[]> bools(new bool[x.size()]);
  for (std::size_t k = 0; k < x.size(); ++k) bools[k] = x[k];
  Kokkos::View<const bool*> k_x(bools.get(), x.size());
  const auto result = reduceLogicalXOR(k_x);
  Kokkos::fence();
  return result;
}
