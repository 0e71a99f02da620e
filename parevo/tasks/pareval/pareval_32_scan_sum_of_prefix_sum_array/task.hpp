// Harness side of ParEval 32 (sum of the prefix-sum array) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdio>
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

inline std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "equal_but_one" || family == "nearly_sorted") {  // edge shapes of a uniform input (parevo/edge.hpp)
    Input in = generate("uniform", size, rng);
    parevo::edge::reshape(family, in.x, rng);
    return in;
  }
  if (family == "two") return generate("uniform", 2, rng);
  const std::size_t n = family == "paper" ? 1024 : family == "tiny" ? 1 : static_cast<std::size_t>(std::max(size, 1LL));
  Input in;
  in.x.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    double& v = in.x[i];
    if (family == "paper" || family == "uniform" || family == "tiny") v = rng.uniform() * 200.0 - 100.0;
    else if (family == "cancel") v = (i % 2 ? -1e12 : 1e12) + rng.uniform();
    else if (family == "magnitudes") v = (rng.below(2) ? 1.0 : -1.0) * std::pow(10.0, rng.uniform() * 16.0 - 8.0);
    else if (family == "constant") v = 0.75;
    else if (family == "front_heavy") v = i < 4 ? 1e9 * (1.0 + rng.uniform()) : rng.uniform() * 2.0 - 1.0;
    else throw std::invalid_argument("unknown family '" + family + "'");
  }
  return in;
}

// A different instance: a few random elements get new values.
inline void vary(Input& in, parevo::Rng& rng) {
  const std::size_t n = in.x.size();
  for (int k = 0; k < 8; ++k) {
    const std::size_t i = rng.below(n);
    in.x[i] += 1.0 + std::fabs(in.x[i]) * 0.5;
  }
}

inline std::string describe(const Input& in) { return "n=" + std::to_string(in.x.size()); }

inline Output invoke(const Input& in) { return sumOfPrefixSum(in.x); }

inline std::string validate(const Input& in, const Output& out) {
  const std::size_t n = in.x.size();
  long double prefix = 0, total = 0, bound = 0;
  for (std::size_t i = 0; i < n; ++i) {
    prefix += in.x[i];
    total += prefix;
    bound += static_cast<long double>(n - i) * std::fabs(in.x[i]);
  }
  const double exp = static_cast<double>(total);
  const double tol = 1e-8 * static_cast<double>(bound) + 1e-300;
  if (std::fabs(out - exp) <= tol) return "";
  return "got " + fmt(out) + ", expected " + fmt(exp) + " (tolerance " + fmt(tol) + ")";
}

}  // namespace task
