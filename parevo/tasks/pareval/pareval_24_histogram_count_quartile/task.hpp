// Harness side of ParEval 24 (fractional-part quarters) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "parevo/edge.hpp"
#include "parevo/random.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::vector<double> x;
};
using Output = std::array<size_t, 4>;

// v - floor(v) is exact for every finite double, so these comparisons are exact too.
inline std::size_t quarter(double v) {
  const double f = v - std::floor(v);
  return f < 0.25 ? 0 : f < 0.5 ? 1 : f < 0.75 ? 2 : 3;
}

inline double draw(const std::string& family, parevo::Rng& rng, std::size_t i, std::size_t n, std::size_t hot) {
  if (family == "paper") return rng.uniform() * 100.0;  // ParEval's generator: rand()/RAND_MAX * 100
  if (family == "large" || family == "single") return rng.uniform() * 1e9;
  if (family == "edges") {  // k + q/4 exactly, or a little below it (2^-10 .. 2^-29 below; exact for k < 2^20)
    const double edge = static_cast<double>(1 + rng.below(1000000)) + 0.25 * static_cast<double>(rng.below(4));
    return rng.below(2) ? edge : edge - std::ldexp(1.0, -10 - static_cast<int>(rng.below(20)));
  }
  if (family == "integers") return static_cast<double>(rng.below(1000000));
  if (family == "skewed") {
    const std::size_t q = rng.below(10) ? hot : rng.below(4);
    return static_cast<double>(rng.below(1000)) + 0.25 * (static_cast<double>(q) + rng.uniform());
  }
  if (family == "sorted") return 100.0 * static_cast<double>(i) / static_cast<double>(n);
  throw std::invalid_argument("unknown family '" + family + "'");
}

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "all_equal" || family == "equal_but_one" || family == "nearly_sorted") {  // edge shapes of a large input (parevo/edge.hpp)
    Input in = generate("large", size, rng);
    parevo::edge::reshape(family, in.x, rng);
    return in;
  }
  if (family == "two") return generate("large", 2, rng);
  Input in;
  const std::size_t n = family == "single" ? 1 : family == "paper" ? 1024 : static_cast<std::size_t>(std::max(size, 1LL));
  in.x.resize(n);
  const std::size_t hot = rng.below(4);
  for (std::size_t i = 0; i < n; ++i) in.x[i] = draw(family, rng, i, n, hot);
  return in;
}

// The next repetition: one random value moves to the middle of a different quarter.
inline void vary(Input& in, parevo::Rng& rng) {
  double& v = in.x[rng.below(in.x.size())];
  const std::size_t q = (quarter(v) + 1 + rng.below(3)) % 4;
  v = std::floor(v) + 0.25 * static_cast<double>(q) + 0.125;
}

inline Output reference(const Input& in) {
  Output b{};
  for (double v : in.x) ++b[quarter(v)];
  return b;
}

inline std::string describe(const Input& in) {
  const auto b = reference(in);
  return "n=" + std::to_string(in.x.size()) + " per_quarter=" + std::to_string(b[0]) + "," + std::to_string(b[1]) +
         "," + std::to_string(b[2]) + "," + std::to_string(b[3]);
}

inline Output invoke(const Input& in) {
  Output bins{};  // zero-filled, as ParEval's harness passes it
  countQuartiles(in.x, bins);
  return bins;
}

inline std::string validate(const Input& in, const Output& out) {
  const auto expected = reference(in);
  std::size_t wrong = 0, first = 0;
  for (std::size_t k = 0; k < expected.size(); ++k)
    if (out[k] != expected[k] && wrong++ == 0) first = k;
  if (!wrong) return "";
  return "bins[" + std::to_string(first) + "]: expected " + std::to_string(expected[first]) + ", got " +
         std::to_string(out[first]) + " (" + std::to_string(wrong) + " of 4 bins wrong)";
}

}  // namespace task
