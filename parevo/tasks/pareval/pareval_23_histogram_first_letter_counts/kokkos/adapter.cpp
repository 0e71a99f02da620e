// ParEval 23's Kokkos view (trusted, hand-written; verify/context.py kokkos_view): the task's C++
// function calls the candidate's Kokkos overload. ParEval's `View<const char**>` is a 2-D array of
// characters, one string per row (ParEval's driver: row i holds string i, zero-padded); std::string
// objects are not laid out that way, so the strings are copied into one zero-filled n x (longest+1)
// buffer (every row NUL-terminated) that an unmanaged row-major View wraps. The copy is serial
// (a parallel one would count as the candidate's parallel work in the witness) and is timed with
// the candidate: ParEval builds its View before its clock starts.
#include <Kokkos_Core.hpp>
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstring>
#include <string>
#include <vector>

void firstLetterCounts(Kokkos::View<const char**> const& s, Kokkos::View<size_t[26]> &bins);

void firstLetterCounts(std::vector<std::string> const& s, std::array<size_t, 26> &bins) {
  std::size_t width = 1;
  for (const std::string& w : s) width = std::max(width, w.size() + 1);
  std::vector<char> chars(s.size() * width, '\0');
  for (std::size_t k = 0; k < s.size(); ++k) std::memcpy(chars.data() + k * width, s[k].data(), s[k].size());
  Kokkos::View<const char**> k_s(chars.data(), s.size(), width);
  Kokkos::View<size_t[26]> k_bins(bins.data());
  firstLetterCounts(k_s, k_bins);
  Kokkos::fence();
}
