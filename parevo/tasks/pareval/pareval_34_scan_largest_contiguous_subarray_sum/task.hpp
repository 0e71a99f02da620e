// Harness side of ParEval 34 (maximum subarray sum) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "parevo/edge.hpp"
#include "parevo/random.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::vector<int> x;
};
using Output = int;

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "all_equal" || family == "sorted" || family == "equal_but_one" || family == "nearly_sorted") {  // edge shapes of a uniform input (parevo/edge.hpp)
    Input in = generate("uniform", size, rng);
    parevo::edge::reshape(family, in.x, rng);
    return in;
  }
  if (family == "two") return generate("uniform", 2, rng);
  const std::size_t n = family == "paper" ? 1024 : family == "tiny" ? 1 : static_cast<std::size_t>(std::max(size, 1LL));
  // |x[i]| <= m keeps every subarray sum (and a varied one) inside an int
  const long long m = std::max<long long>(2, std::min<long long>(100, 1000000000LL / static_cast<long long>(n)));
  auto sym = [&](long long bound) { return static_cast<int>(static_cast<long long>(rng.below(2 * bound)) - bound); };
  auto pos = [&](long long bound) { return 1 + static_cast<int>(rng.below(static_cast<std::uint64_t>(bound))); };
  Input in;
  in.x.resize(n);
  if (family == "paper" || family == "uniform") {
    for (auto& v : in.x) v = sym(m);
  } else if (family == "all_negative" || family == "tiny") {
    for (auto& v : in.x) v = -pos(m);
  } else if (family == "all_positive") {
    for (auto& v : in.x) v = pos(m);
  } else if (family == "spike") {  // small negatives, one positive run of length ~n/10 somewhere
    for (auto& v : in.x) v = -pos(std::max<long long>(1, m / 4));
    const std::size_t len = std::max<std::size_t>(1, n / 10), start = rng.below(n - len + 1);
    for (std::size_t i = start; i < start + len; ++i) in.x[i] = sym(m) + static_cast<int>(m / 2);
  } else if (family == "split") {  // [run A][valley][run B]: the best is the larger run alone
    const std::size_t a = n / 3, b = 2 * n / 3;
    for (std::size_t i = 0; i < n; ++i) in.x[i] = i < a || i >= b ? pos(m / 2) : -static_cast<int>(m);
  } else {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  return in;
}

// The best sum and the last index of a subarray achieving it.
inline long long kadane(const std::vector<int>& x, std::size_t* end = nullptr) {
  long long best = x[0], here = x[0];
  std::size_t best_end = 0;
  for (std::size_t i = 1; i < x.size(); ++i) {
    here = std::max<long long>(x[i], here + x[i]);
    if (here > best) { best = here; best_end = i; }
  }
  if (end) *end = best_end;
  return best;
}

// A different instance: the last element of a best subarray grows by 1..3, so the answer grows
// by exactly that much (no other subarray can gain more).
inline void vary(Input& in, parevo::Rng& rng) {
  std::size_t end = 0;
  kadane(in.x, &end);
  in.x[end] += 1 + static_cast<int>(rng.below(3));
}

inline std::string describe(const Input& in) { return "n=" + std::to_string(in.x.size()); }

inline Output invoke(const Input& in) { return maximumSubarray(in.x); }

inline std::string validate(const Input& in, const Output& out) {
  const long long exp = kadane(in.x);
  if (out == exp) return "";
  return "got " + std::to_string(out) + ", expected " + std::to_string(exp);
}

}  // namespace task
