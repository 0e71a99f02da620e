// Harness side of ParEval 42 (sorted ranks) with parevo's own inputs and validator: any
// permutation that orders the values (ties in any order) is accepted.
#pragma once
#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "parevo/edge.hpp"
#include "parevo/random.hpp"
#include "parevo/output_fill.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::vector<float> x;
  std::vector<std::size_t> ranks;  // the buffer handed to the candidate: size n, garbage
};
using Output = std::vector<std::size_t>;

constexpr std::size_t kGarbage = static_cast<std::size_t>(-7);

inline std::string fmt(float v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "nearly_sorted" || family == "sorted_tail_swap" || family == "equal_but_one") {  // edge shapes of a uniform input (parevo/edge.hpp)
    Input in = generate("uniform", size, rng);
    parevo::edge::reshape(family, in.x, rng);
    return in;
  }
  if (family == "two") return generate("uniform", 2, rng);
  const std::size_t n = family == "paper" ? 1024 : family == "tiny" ? 1 : static_cast<std::size_t>(std::max(size, 1LL));
  Input in;
  in.x.resize(n);
  auto uni = [&] { return static_cast<float>(rng.uniform() * 200.0 - 100.0); };
  if (family == "paper" || family == "uniform" || family == "tiny" || family == "sorted" || family == "reverse") {
    for (auto& v : in.x) v = uni();
    if (family == "sorted") std::sort(in.x.begin(), in.x.end());
    if (family == "reverse") std::sort(in.x.begin(), in.x.end(), [](float a, float b) { return a > b; });
  } else if (family == "duplicates") {
    const float pool[8] = {-0.0f, 0.0f, uni(), uni(), uni(), uni(), 1e-30f, -3.5f};
    for (auto& v : in.x) v = pool[rng.below(8)];
  } else if (family == "all_equal") {
    const float c = uni();
    for (auto& v : in.x) v = c;
  } else {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  in.ranks.assign(n, parevo::output_fill(kGarbage));
  return in;
}

// A different instance: two random elements get new values outside the current range (a new
// minimum and a new maximum), which shifts the ranks of everything in between.
inline void vary(Input& in, parevo::Rng& rng) {
  const auto mm = std::minmax_element(in.x.begin(), in.x.end());
  const float lo = *mm.first - 1.0f, hi = *mm.second + 1.0f;
  in.x[rng.below(in.x.size())] = rng.below(2) ? lo : hi;
}

inline std::string describe(const Input& in) { return "n=" + std::to_string(in.x.size()); }

// The garbage-filled ranks buffer moves out of the harness's scratch copy: the timed call is the
// candidate's work alone.
inline Output invoke(Input& in) {
  Output r = std::move(in.ranks);
  ranks(in.x, r);
  return r;
}

inline std::string validate(const Input& in, const Output& out) {
  const std::size_t n = in.x.size();
  if (out.size() != n) return "ranks has " + std::to_string(out.size()) + " elements, expected " + std::to_string(n);
  std::vector<std::size_t> at(n, n);  // at[r] = the index given rank r
  for (std::size_t i = 0; i < n; ++i) {
    if (out[i] >= n) return "ranks[" + std::to_string(i) + "] = " + std::to_string(out[i]) + " is not in 0.." + std::to_string(n - 1);
    if (at[out[i]] != n)
      return "rank " + std::to_string(out[i]) + " given twice (to x[" + std::to_string(at[out[i]]) + "] and x[" + std::to_string(i) + "])";
    at[out[i]] = i;
  }
  std::size_t bad = 0, first = n;
  for (std::size_t r = 0; r + 1 < n; ++r)
    if (in.x[at[r + 1]] < in.x[at[r]] && bad++ == 0) first = r;
  if (bad == 0) return "";
  return "x[" + std::to_string(at[first]) + "] = " + fmt(in.x[at[first]]) + " has rank " + std::to_string(first) +
         " but x[" + std::to_string(at[first + 1]) + "] = " + fmt(in.x[at[first + 1]]) + " has rank " +
         std::to_string(first + 1) + " (" + std::to_string(bad) + " inversions between neighbouring ranks)";
}

}  // namespace task
