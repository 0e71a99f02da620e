// Harness side of ParEval 41 (k-th smallest) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <climits>
#include <stdexcept>
#include <string>

#include "parevo/edge.hpp"
#include "parevo/random.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::vector<int> x;
  int k = 1;
};
using Output = int;

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "nearly_sorted" || family == "sorted_tail_swap" || family == "equal_but_one") {  // edge shapes of a uniform input (parevo/edge.hpp)
    Input in = generate("uniform", size, rng);
    parevo::edge::reshape(family, in.x, rng);
    if (family != "equal_but_one") {  // ask for a rank the perturbation moved: x[k-1] is wrong under
      std::vector<int> s = in.x;          // either reading of k (sorted[k-1] or sorted[k])
      std::sort(s.begin(), s.end());
      for (std::size_t i = s.size() - 1; i-- > 0;)
        if (in.x[i] != s[i] && in.x[i] != s[i + 1]) { in.k = static_cast<int>(i) + 1; break; }
    }
    return in;
  }
  const std::size_t n = family == "paper" ? 1024 : family == "tiny" ? 2 : static_cast<std::size_t>(std::max(size, 2LL));
  Input in;
  in.x.resize(n);
  in.k = 1 + static_cast<int>(rng.below(n - 1));
  auto wide = [&] { return static_cast<int>(rng.below(2000000000)) - 1000000000; };
  if (family == "paper") {
    for (auto& v : in.x) v = static_cast<int>(rng.below(10000));
  } else if (family == "uniform" || family == "tiny" || family == "sorted" || family == "reverse") {
    for (auto& v : in.x) v = wide();
    if (family == "sorted") std::sort(in.x.begin(), in.x.end());
    if (family == "reverse") std::sort(in.x.begin(), in.x.end(), [](int a, int b) { return a > b; });
  } else if (family == "duplicates") {
    for (auto& v : in.x) v = static_cast<int>(rng.below(10));
  } else if (family == "all_equal") {
    const int c = wide();
    for (auto& v : in.x) v = c;
  } else if (family == "extremes") {  // the vary step adds at most a few thousand: no overflow
    for (auto& v : in.x) v = rng.below(2) ? INT_MIN + static_cast<int>(rng.below(1000)) : INT_MAX - 100000 - static_cast<int>(rng.below(1000));
    in.k = rng.below(2) ? 1 : static_cast<int>(n - 1);
  } else {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  return in;
}

// A different instance: a new k and every value shifted by the same nonzero amount, so the
// answer changes even when all values are equal.
inline void vary(Input& in, parevo::Rng& rng) {
  const std::size_t n = in.x.size();
  in.k = 1 + static_cast<int>(rng.below(n - 1));
  const int shift = 1 + static_cast<int>(rng.below(1000));
  for (auto& v : in.x) v = v > 0 ? v - shift : v + shift;  // toward zero: never overflows
}

inline std::string describe(const Input& in) { return "n=" + std::to_string(in.x.size()) + " k=" + std::to_string(in.k); }

inline Output invoke(const Input& in) { return findKthSmallest(in.x, in.k); }

inline std::string validate(const Input& in, const Output& out) {
  std::vector<int> s(in.x);
  const std::size_t k = static_cast<std::size_t>(in.k);
  std::nth_element(s.begin(), s.begin() + (k - 1), s.end());
  const int one_based = s[k - 1];
  const int zero_based = *std::min_element(s.begin() + k, s.end());  // sorted[k]
  if (out == one_based || out == zero_based) return "";
  return "got " + std::to_string(out) + ", expected " + std::to_string(one_based) + " (k = " + std::to_string(k) +
         ", 1-based) or " + std::to_string(zero_based) + " (0-based, as the prompt's example reads k)";
}

}  // namespace task
