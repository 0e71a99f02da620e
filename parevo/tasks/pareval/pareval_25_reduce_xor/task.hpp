// Harness side of ParEval 25 (XOR reduction) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <stdexcept>
#include <string>

#include "parevo/edge.hpp"
#include "parevo/random.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::vector<bool> x;
};
using Output = bool;

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "two") return generate("uniform", 2, rng);
  Input in;
  std::size_t n = family == "single" ? 1 : family == "paper" ? 1024 : static_cast<std::size_t>(std::max(size, 2LL));
  if (family != "paper" && n > 1 && n % 64 == 0) n -= 1 + rng.below(63);  // a partial last word
  in.x.assign(n, false);
  if (family == "paper" || family == "uniform" || family == "single") {  // ParEval's generator: rand() % 2
    for (std::size_t i = 0; i < n; ++i) in.x[i] = rng.below(2) != 0;
  } else if (family == "rare") {
    for (std::size_t i = 0; i < n; ++i) in.x[i] = rng.below(1000) == 0;
  } else if (family == "one_true") {
    in.x[rng.below(n)] = true;
  } else if (family == "all_true") {
    in.x.assign(n, true);
  } else if (family != "all_false") {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  return in;
}

// The next repetition: flip one random element, so the parity flips.
inline void vary(Input& in, parevo::Rng& rng) {
  const std::size_t i = rng.below(in.x.size());
  in.x[i] = !in.x[i];
}

inline std::size_t count_true(const Input& in) { return static_cast<std::size_t>(std::count(in.x.begin(), in.x.end(), true)); }

inline std::string describe(const Input& in) {
  return "n=" + std::to_string(in.x.size()) + " true=" + std::to_string(count_true(in));
}

inline Output invoke(const Input& in) { return reduceLogicalXOR(in.x); }

inline std::string validate(const Input& in, const Output& out) {
  const std::size_t t = count_true(in);
  const bool expected = t % 2 == 1;
  if (out == expected) return "";
  return std::string("expected ") + (expected ? "true" : "false") + " (" + std::to_string(t) + " of " +
         std::to_string(in.x.size()) + " elements true), got " + (out ? "true" : "false");
}

}  // namespace task
