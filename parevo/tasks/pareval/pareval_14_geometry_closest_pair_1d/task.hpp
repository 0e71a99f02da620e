// Harness side of ParEval 14 (closest pair in 1D) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
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

inline double unif(parevo::Rng& rng, double lo, double hi) { return lo + (hi - lo) * rng.uniform(); }

inline void shuffle(std::vector<double>& v, parevo::Rng& rng) {
  for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng.below(i)]);
}

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "all_equal" || family == "nearly_sorted" || family == "equal_but_one") {  // edge shapes of a uniform input (parevo/edge.hpp)
    Input in = generate("uniform", size, rng);
    parevo::edge::reshape(family, in.x, rng);
    return in;
  }
  const std::size_t s = static_cast<std::size_t>(std::max(size, 4LL));
  const std::size_t n = family == "paper" ? 1024 : family == "two" ? 2 : s;
  std::vector<double> x(n);
  if (family == "paper" || family == "uniform" || family == "two") {  // ParEval: fillRand(x, -1000, 1000)
    for (auto& v : x) v = unif(rng, -1000, 1000);
  } else if (family == "duplicates") {  // n/8 distinct values, each about 8 times
    std::vector<double> base(std::max<std::size_t>(n / 8, 1));
    for (auto& v : base) v = unif(rng, -1000, 1000);
    for (auto& v : x) v = base[rng.below(base.size())];
  } else if (family == "sorted" || family == "reverse") {  // random gaps in [1, 1000] with one planted small gap
    double t = unif(rng, -1e6, 0);
    for (auto& v : x) { t += unif(rng, 1, 1000); v = t; }
    const std::size_t k = 1 + rng.below(n - 1);
    x[k] = x[k - 1] + unif(rng, 0.01, 0.5);
    if (family == "reverse") std::reverse(x.begin(), x.end());
  } else if (family == "skew") {
    for (auto& v : x) v = (rng.below(2) ? 1 : -1) * std::pow(10.0, unif(rng, -6, 3));
  } else if (family == "arithmetic") {  // a + k d, shuffled: every adjacent gap is d
    const double a = unif(rng, -1000, 1000), d = static_cast<double>(1 + rng.below(16));
    for (std::size_t k = 0; k < n; ++k) x[k] = std::round(a) + static_cast<double>(k) * d;
    shuffle(x, rng);
  } else {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  if (family != "sorted" && family != "reverse" && family != "arithmetic") shuffle(x, rng);
  return {x};
}

// A different instance: every value scaled by 0.5, 1.5, 2 or 3 (exact for the integer sequence)
// (the order stays: sorted stays sorted, reverse stays reverse).
inline void vary(Input& in, parevo::Rng& rng) {
  static const double scales[] = {0.5, 1.5, 2.0, 3.0};
  const double s = scales[rng.below(4)];
  for (auto& v : in.x) v *= s;
}

inline std::string describe(const Input& in) { return "n=" + std::to_string(in.x.size()); }

inline Output invoke(const Input& in) { return closestPair(in.x); }

inline std::string validate(const Input& in, const Output& out) {
  std::vector<double> s = in.x;
  std::sort(s.begin(), s.end());
  double expected = std::numeric_limits<double>::infinity();
  for (std::size_t i = 1; i < s.size(); ++i) expected = std::min(expected, s[i] - s[i - 1]);
  if (std::abs(out - expected) <= 1e-12 * expected + 1e-300) return "";
  char buf[160];
  std::snprintf(buf, sizeof buf, "closest distance %.15g, expected %.15g", out, expected);
  return buf;
}

}  // namespace task
