// Harness side of ParEval 38 (first even number) with parevo's own inputs and validator.
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
};
using Output = std::size_t;

inline std::size_t first_even(const Input& in) {
  for (std::size_t i = 0; i < in.x.size(); ++i)
    if (in.x[i] % 2 == 0) return i;
  return in.x.size();
}

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "all_equal" || family == "equal_but_one") {  // edge shapes of a middle input (parevo/edge.hpp)
    Input in = generate("middle", size, rng);
    parevo::edge::reshape(family, in.x, rng);
    return in;
  }
  if (family == "two") return generate("middle", 2, rng);
  const std::size_t n = family == "paper" ? 1024 : family == "tiny" ? 1 : static_cast<std::size_t>(std::max(size, 2LL));
  Input in;
  in.x.resize(n);
  auto odd = [&](int half) { return 2 * static_cast<int>(rng.below(static_cast<std::uint64_t>(half))) + 1; };
  if (family == "paper") {
    for (auto& v : in.x) v = 1 + static_cast<int>(rng.below(99));
    if (rng.below(2))
      for (std::size_t j = 0; j < 20; ++j) in.x[j] = odd(50);
  } else if (family == "middle") {
    for (auto& v : in.x) v = odd(20);
    const std::size_t lo = n / 4, hi = std::max(lo + 1, 3 * n / 4);
    for (int k = 0; k < 2; ++k) in.x[lo + rng.below(hi - lo)] = 2 * static_cast<int>(rng.below(20)) + 2;
  } else if (family == "last") {
    for (auto& v : in.x) v = odd(1000);
    in.x[n - 1] = 2 * static_cast<int>(rng.below(1000));
  } else if (family == "negative") {  // odd negatives, then evens from a random point on
    const std::size_t p = rng.below(n);
    for (std::size_t i = 0; i < n; ++i) {
      if (i < p) { in.x[i] = -odd(1000); continue; }
      const int sign = rng.below(2) ? -1 : 1;
      in.x[i] = sign * (i == p ? 2 * static_cast<int>(rng.below(1000)) : static_cast<int>(rng.below(2000)));
    }
  } else if (family == "dense") {
    const std::size_t p = rng.below(std::max<std::size_t>(1, n / 2));
    for (std::size_t i = 0; i < n; ++i) in.x[i] = i < p ? odd(1000) : static_cast<int>(rng.below(2000)) - 1000;
    in.x[p] = 2 * static_cast<int>(rng.below(500));
  } else if (family == "extremes") {  // INT_MAX and INT_MIN + 1 are odd; INT_MIN is even
    const std::size_t p = rng.below(n);
    for (std::size_t i = 0; i < n; ++i) in.x[i] = rng.below(2) ? INT_MAX : INT_MIN + 1;
    in.x[p] = rng.below(2) ? INT_MIN : INT_MAX - 1;
  } else if (family == "tiny") {
    in.x[0] = 2 * static_cast<int>(rng.below(100)) - 100;
  } else {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  return in;
}

// A different instance: a new even number before the current first one, or, when the first even
// is at index 0, that element turns odd and an even number appears at a random later index.
inline void vary(Input& in, parevo::Rng& rng) {
  const std::size_t n = in.x.size(), a = first_even(in);
  if (n < 2) return;
  if (a > 0) {
    in.x[rng.below(a)] = 2 * static_cast<int>(rng.below(1000));
  } else {
    in.x[0] = in.x[0] == INT_MIN ? INT_MIN + 1 : in.x[0] - 1;
    in.x[1 + rng.below(n - 1)] = 2 * static_cast<int>(rng.below(1000)) - 1000;
  }
}

inline std::string describe(const Input& in) {
  return "n=" + std::to_string(in.x.size()) + " first_even=" + std::to_string(first_even(in));
}

inline Output invoke(const Input& in) { return findFirstEven(in.x); }

inline std::string validate(const Input& in, const Output& out) {
  const std::size_t exp = first_even(in);
  if (out == exp) return "";
  std::string why = "got index " + std::to_string(out) + ", expected " + std::to_string(exp);
  if (out < in.x.size()) why += " (x[" + std::to_string(out) + "] = " + std::to_string(in.x[out]) + ")";
  return why;
}

}  // namespace task
