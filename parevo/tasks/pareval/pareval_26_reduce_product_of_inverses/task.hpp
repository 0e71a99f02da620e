// Harness side of ParEval 26 (product with inverses) with parevo's own inputs and validator.
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
using Output = double;

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "equal_but_one") {  // edge shapes of a signed input (parevo/edge.hpp)
    Input in = generate("signed", size, rng);
    parevo::edge::reshape(family, in.x, rng);
    return in;
  }
  if (family == "two") return generate("signed", 2, rng);
  Input in;
  const std::size_t n = family == "tiny" ? 1 : family == "paper" ? 1024 : static_cast<std::size_t>(std::max(size, 2LL));
  in.x.resize(n);
  if (family == "paper") {  // ParEval's generator: rand()/RAND_MAX * 100, zero redrawn
    for (auto& v : in.x) do v = rng.uniform() * 100.0; while (v == 0.0);
  } else if (family == "near_one") {
    for (auto& v : in.x) v = 0.99 + 0.02 * rng.uniform();
  } else if (family == "paired") {  // x[2k] = m * 10^e with e in [-30, 30], x[2k+1] = x[2k] * e^(+-1%)
    for (std::size_t i = 0; i < n; i += 2) {
      in.x[i] = (1.0 + 9.0 * rng.uniform()) * std::pow(10.0, static_cast<double>(rng.below(61)) - 30.0);
      if (i + 1 < n) in.x[i + 1] = in.x[i] * std::exp(0.02 * rng.uniform() - 0.01);  // no drift in log space
    }
  } else if (family == "signed") {
    for (auto& v : in.x) v = (rng.below(2) ? -1.0 : 1.0) * (0.99 + 0.02 * rng.uniform());
  } else if (family == "all_equal") {
    std::fill(in.x.begin(), in.x.end(), 0.5 + rng.uniform());
  } else if (family == "tiny") {
    in.x[0] = 1.0 + 99.0 * rng.uniform();
  } else {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  return in;
}

// The next repetition: one random element is scaled by 1.5..3, so the product changes by that
// factor (or its inverse).
inline void vary(Input& in, parevo::Rng& rng) {
  in.x[rng.below(in.x.size())] *= 1.5 + 1.5 * rng.uniform();
}

// The exact product, up to long double rounding (its exponent range cannot overflow here).
inline long double reference(const Input& in) {
  long double p = 1.0L;
  for (std::size_t i = 0; i < in.x.size(); ++i) p = i % 2 ? p / in.x[i] : p * in.x[i];
  return p;
}

inline std::string describe(const Input& in) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6Lg", reference(in));
  return "n=" + std::to_string(in.x.size()) + " product=" + buf;
}

inline Output invoke(const Input& in) { return productWithInverses(in.x); }

inline std::string validate(const Input& in, const Output& out) {
  const long double expected = reference(in);
  const long double err = std::fabs(static_cast<long double>(out) - expected);
  if (err <= 1e-6L * std::fabs(expected)) return "";  // false for NaN
  char buf[160];
  std::snprintf(buf, sizeof buf, "expected %.17Lg, got %.17g (relative error %.3Lg, allowed 1e-6)", expected, out,
                expected != 0 ? err / std::fabs(expected) : err);
  return buf;
}

}  // namespace task
