// ParEval 59's Kokkos view (trusted, hand-written; verify/context.py kokkos_view): the task's C++
// function calls the candidate's Kokkos overload on an unmanaged view of x. std::vector<bool>
// packs its elements into bits, so `mask` has no bool array to view: it is unpacked into one
// (keeping the harness's prepared wrong answer in every element, so a skipped element still
// fails), the candidate fills it, and it is packed back. Both copies are serial (a parallel one
// would count as the candidate's parallel work in the witness) and timed with the candidate
// (ParEval fills and reads its Views outside its clock).
#include <Kokkos_Core.hpp>
#include <cstddef>
#include <memory>
#include <vector>

void mapPowersOfTwo(Kokkos::View<const int*> const& x, Kokkos::View<bool*> &mask);

void mapPowersOfTwo(std::vector<int> const& x, std::vector<bool> &mask) {
  const std::unique_ptr<bool[]> bools(new bool[mask.size()]);
  for (std::size_t k = 0; k < mask.size(); ++k) bools[k] = mask[k];
  Kokkos::View<const int*> k_x(x.data(), x.size());
  Kokkos::View<bool*> k_mask(bools.get(), mask.size());
  mapPowersOfTwo(k_x, k_mask);
  Kokkos::fence();
  for (std::size_t k = 0; k < mask.size(); ++k) mask[k] = bools[k];
}
