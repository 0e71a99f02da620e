// Harness side of the suffix_array task: inputs, the call, and the validator.
#pragma once
#include <algorithm>
#include <string>

#include "parevo/strings.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::string s;
  std::string family;
  long long size = 0;
};
using Output = std::vector<std::int32_t>;

inline Input generate(const std::string& family, long long n, parevo::Rng& rng) {
  Input in;
  in.family = family;
  in.size = n;
  in.s = parevo::strings::by_family(family, n, rng);
  return in;
}

// Another instance for the next repetition: a fresh string of the same family, up to 1/64
// shorter. The length changes too, so even for one letter repeated (whose suffix array depends
// only on the length) an answer cached from an earlier call is wrong. Generation is one pass.
inline void vary(Input& in, parevo::Rng& rng) {
  const long long n = in.size - static_cast<long long>(rng.below(static_cast<std::uint64_t>(in.size / 64 + 1)));
  in.s = parevo::strings::by_family(in.family, std::max(1LL, n), rng);
}

inline std::string describe(const Input& in) {
  bool seen[256] = {};
  int distinct = 0;
  for (unsigned char c : in.s) distinct += !seen[c], seen[c] = true;
  return "n=" + std::to_string(in.s.size()) + " distinct_bytes=" + std::to_string(distinct);
}

inline Output invoke(const Input& in) { return suffix_array(in.s); }

// The validator's own suffix array, only to name the expected entry once an answer is known
// to be wrong: prefix doubling with counting sorts (Manber and Myers), O(n log n).
inline std::vector<std::int32_t> reference_sa(const std::string& s) {
  const auto n = static_cast<std::int32_t>(s.size());
  std::vector<std::int32_t> sa(n), rank(n), tmp(n), count(std::max<std::int32_t>(n, 256) + 1);
  for (std::int32_t i = 0; i < n; ++i) ++count[static_cast<unsigned char>(s[i]) + 1];
  for (std::size_t c = 1; c < count.size(); ++c) count[c] += count[c - 1];
  for (std::int32_t i = 0; i < n; ++i) sa[count[static_cast<unsigned char>(s[i])]++] = i;
  for (std::int32_t i = 0; i < n; ++i) rank[i] = static_cast<unsigned char>(s[i]);
  for (std::int32_t k = 1; n > 1; k *= 2) {
    // Order by the second half (suffixes too short to have one first), then stably by the first.
    std::int32_t p = 0;
    for (std::int32_t i = n - k; i < n; ++i)
      if (i >= 0) tmp[p++] = i;
    for (std::int32_t j = 0; j < n; ++j)
      if (sa[j] >= k) tmp[p++] = sa[j] - k;
    std::fill(count.begin(), count.end(), 0);
    for (std::int32_t i = 0; i < n; ++i) ++count[rank[i] + 1];
    for (std::size_t c = 1; c < count.size(); ++c) count[c] += count[c - 1];
    for (std::int32_t j = 0; j < n; ++j) sa[count[rank[tmp[j]]]++] = tmp[j];
    auto second = [&](std::int32_t i) { return i + k < n ? rank[i + k] : -1; };
    tmp[sa[0]] = 0;
    for (std::int32_t j = 1; j < n; ++j)
      tmp[sa[j]] = tmp[sa[j - 1]] + (rank[sa[j]] != rank[sa[j - 1]] || second(sa[j]) != second(sa[j - 1]));
    rank.swap(tmp);
    if (rank[sa[n - 1]] == n - 1) break;
  }
  return sa;
}

// A suffix array is unique. It is checked in O(n) without building one (Burkhardt and
// Kärkkäinen): it must be a permutation of 0..n-1, and with rank its inverse (and the empty
// suffix ranked lowest), each neighbouring pair a = sa[i-1], b = sa[i] must have
// s[a] < s[b], or s[a] == s[b] and rank[a+1] < rank[b+1]. Only a wrong answer pays for the
// validator's own suffix array, to say which entry differs.
inline std::string validate(const Input& in, const Output& out) {
  const std::string& s = in.s;
  const auto n = static_cast<std::int64_t>(s.size());
  if (static_cast<std::int64_t>(out.size()) != n)
    return "returned " + std::to_string(out.size()) + " entries, expected " + std::to_string(n) + " (one per suffix)";
  std::vector<std::int32_t> rank(static_cast<std::size_t>(n) + 1, -1);
  std::int64_t wrong = 0;
  std::string first_problem;
  for (std::int64_t i = 0; i < n; ++i) {
    const std::int32_t p = out[i];
    std::string problem;
    if (p < 0 || p >= n) problem = "entry " + std::to_string(i) + ": position " + std::to_string(p) + " is out of range";
    else if (rank[p] >= 0)
      problem = "entry " + std::to_string(i) + ": suffix " + std::to_string(p) + " already appears at entry " +
                std::to_string(rank[p]);
    else rank[p] = static_cast<std::int32_t>(i);
    if (!problem.empty() && wrong++ == 0) first_problem = std::move(problem);
  }
  if (wrong > 0)
    return first_problem + " (" + std::to_string(wrong) + " of " + std::to_string(n) + " entries; not a permutation)";
  bool ordered = true;
  for (std::int64_t i = 1; i < n && ordered; ++i) {
    const std::int32_t a = out[i - 1], b = out[i];
    const auto ca = static_cast<unsigned char>(s[a]), cb = static_cast<unsigned char>(s[b]);
    ordered = ca < cb || (ca == cb && rank[a + 1] < rank[b + 1]);
  }
  if (ordered) return "";
  const std::vector<std::int32_t> sa = reference_sa(s);
  std::int64_t first = -1;
  for (std::int64_t i = 0; i < n; ++i)
    if (out[i] != sa[i]) { if (first < 0) first = i; ++wrong; }
  const std::int32_t e = sa[first], g = out[first];
  std::int64_t common = 0;
  while (e + common < n && g + common < n && s[e + common] == s[g + common]) ++common;
  return "entry " + std::to_string(first) + ": expected suffix " + std::to_string(e) + ", got suffix " +
         std::to_string(g) + " (they share their first " + std::to_string(common) + " bytes; " +
         std::to_string(wrong) + " of " + std::to_string(n) + " entries wrong)";
}

}  // namespace task
