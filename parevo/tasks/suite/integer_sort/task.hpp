// Harness side of the integer_sort task: inputs, the call, and the validator.
#pragma once
#include <algorithm>
#include <string>

#include "parevo/keys.hpp"
#include "types.hpp"

namespace task {

constexpr std::uint64_t kBound = std::uint64_t{1} << 32;  // keys span the whole 32-bit range

struct Input {
  std::string family;
  std::vector<std::uint32_t> keys;
};
using Output = std::vector<std::uint32_t>;

inline Input generate(const std::string& family, long long n, parevo::Rng& rng) {
  Input in;
  in.family = family;
  in.keys = parevo::keys::by_family<std::uint32_t>(family, static_cast<std::size_t>(std::max(n, 0LL)), kBound, rng);
  return in;
}

// Another instance for the next repetition: new keys of the same shape (relabelled through a
// random bijection of the key range, or redrawn for the ordered families), so a sorted vector
// cached from an earlier call is wrong.
inline void vary(Input& in, parevo::Rng& rng) { parevo::keys::vary<std::uint32_t>(in.family, in.keys, kBound, rng); }

inline std::string describe(const Input& in) {
  if (in.keys.empty()) return "n=0";
  auto [lo, hi] = std::minmax_element(in.keys.begin(), in.keys.end());
  return "n=" + std::to_string(in.keys.size()) + " min=" + std::to_string(*lo) + " max=" + std::to_string(*hi);
}

inline Output invoke(const Input& in) { return integer_sort(in.keys); }

// The expected answer, by a plain LSD radix sort (four 8-bit passes): a tenth of std::sort's
// time, which matters because every timed repetition is validated.
inline std::vector<std::uint32_t> sorted_keys(const std::vector<std::uint32_t>& keys) {
  std::vector<std::uint32_t> a(keys), b(keys.size());
  for (int shift = 0; shift < 32; shift += 8) {
    std::size_t count[257] = {};
    for (std::uint32_t k : a) ++count[((k >> shift) & 255) + 1];
    for (int d = 0; d < 256; ++d) count[d + 1] += count[d];
    for (std::uint32_t k : a) b[count[(k >> shift) & 255]++] = k;
    a.swap(b);
  }
  return a;
}

// The sorted order of a multiset is unique, so the validator compares with its own sort, and
// says besides whether the output was at least in order (then keys were lost or changed).
inline std::string validate(const Input& in, const Output& out) {
  const std::size_t n = in.keys.size();
  if (out.size() != n)
    return "returned " + std::to_string(out.size()) + " keys, expected " + std::to_string(n) + " (as many as the input)";
  const std::vector<std::uint32_t> expected = sorted_keys(in.keys);
  std::size_t wrong = 0, first = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (out[i] != expected[i]) { if (wrong++ == 0) first = i; }
  if (wrong == 0) return "";
  std::size_t descent = 1;
  while (descent < n && out[descent - 1] <= out[descent]) ++descent;
  const std::string order = descent < n ? "out of order first at position " + std::to_string(descent) + ": " +
                                              std::to_string(out[descent - 1]) + " before " + std::to_string(out[descent])
                                        : "in order, but not the input's keys";
  return "position " + std::to_string(first) + ": expected " + std::to_string(expected[first]) + ", got " +
         std::to_string(out[first]) + " (" + std::to_string(wrong) + " of " + std::to_string(n) +
         " positions wrong; the output is " + order + ")";
}

}  // namespace task
