// Harness side of ParEval 28 (smallest odd number) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <limits>
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

inline bool odd(int v) { return v % 2 != 0; }

inline int range(parevo::Rng& rng, long long lo, long long hi) {  // uniform in [lo, hi]
  return static_cast<int>(lo + static_cast<long long>(rng.below(static_cast<std::uint64_t>(hi - lo + 1))));
}

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "all_equal" || family == "equal_but_one" || family == "sorted" || family == "nearly_sorted") {  // edge shapes of a wide input (parevo/edge.hpp)
    Input in = generate("wide", size, rng);
    parevo::edge::reshape(family, in.x, rng);
    return in;
  }
  if (family == "two") return generate("wide", 2, rng);
  Input in;
  const std::size_t n = family == "single" ? 1 : family == "paper" ? 1024 : static_cast<std::size_t>(std::max(size, 2LL));
  in.x.resize(n);
  if (family == "paper") {  // ParEval's generator: (int)(rand()/RAND_MAX * 100)
    for (auto& v : in.x) v = range(rng, 0, 99);
  } else if (family == "wide") {
    for (auto& v : in.x) v = range(rng, 0, 2000000000);
  } else if (family == "signed") {
    for (auto& v : in.x) v = range(rng, -1000000000, 1000000000);
  } else if (family == "one_odd") {  // every value even (small ones included), one odd and large
    for (auto& v : in.x) v = 2 * range(rng, -500000000, 500000000);
    in.x[rng.below(n)] = 2 * range(rng, 0, 500000000) + 1;
  } else if (family == "descending") {
    for (auto& v : in.x) v = range(rng, -1000000, 1000000);
    std::sort(in.x.begin(), in.x.end(), [](int a, int b) { return a > b; });
  } else if (family == "duplicates") {  // eight distinct values
    int pool[8];
    for (int& p : pool) p = range(rng, -1000, 1000);
    for (auto& v : in.x) v = pool[rng.below(8)];
  } else if (family == "single") {
    in.x[0] = 2 * range(rng, -1000000, 1000000) + 1;
  } else {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  if (std::none_of(in.x.begin(), in.x.end(), odd)) in.x[rng.below(n)] |= 1;  // at least one odd number
  return in;
}

inline int expected_answer(const Input& in) {
  int best = std::numeric_limits<int>::max();
  for (int v : in.x)
    if (odd(v)) best = std::min(best, v);
  return best;
}

// The next repetition: a random element becomes the current answer minus 2 (the new smallest
// odd number); for non-negative data whose answer is 1 (ParEval's own inputs) the answer's
// occurrences become even instead, so the data stay in ParEval's range and the answer grows.
inline void vary(Input& in, parevo::Rng& rng) {
  const int ans = expected_answer(in);
  const bool nonnegative = *std::min_element(in.x.begin(), in.x.end()) >= 0;
  if (!(nonnegative && ans < 2)) {
    in.x[rng.below(in.x.size())] = ans - 2;
    return;
  }
  const bool other_odd = std::any_of(in.x.begin(), in.x.end(), [&](int v) { return odd(v) && v != ans; });
  for (int& v : in.x)
    if (v == ans) v = other_odd ? ans + 1 : ans + 2;
}

inline std::string describe(const Input& in) {
  const auto odds = std::count_if(in.x.begin(), in.x.end(), odd);
  const auto mm = std::minmax_element(in.x.begin(), in.x.end());
  return "n=" + std::to_string(in.x.size()) + " odd=" + std::to_string(odds) + " min=" + std::to_string(*mm.first) +
         " max=" + std::to_string(*mm.second);
}

inline Output invoke(const Input& in) { return smallestOdd(in.x); }

inline std::string validate(const Input& in, const Output& out) {
  const int expected = expected_answer(in);
  if (out == expected) return "";
  return "expected " + std::to_string(expected) + ", got " + std::to_string(out) +
         (odd(out) ? "" : " (an even number)");
}

}  // namespace task
