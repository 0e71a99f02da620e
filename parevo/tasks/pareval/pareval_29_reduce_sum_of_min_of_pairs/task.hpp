// Harness side of ParEval 29 (sum of element-wise minima) with parevo's own inputs and validator.
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
  std::vector<double> x, y;
};
using Output = double;

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "nearly_sorted") {  // edge shapes of a uniform input (parevo/edge.hpp)
    Input in = generate("uniform", size, rng);
    parevo::edge::reshape(family, in.x, rng);
    return in;
  }
  if (family == "two") return generate("uniform", 2, rng);
  Input in;
  const std::size_t n = family == "single" ? 1 : family == "paper" ? 1024 : static_cast<std::size_t>(std::max(size, 2LL));
  in.x.resize(n);
  in.y.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    double& a = in.x[i];
    double& b = in.y[i];
    if (family == "paper") {  // ParEval's generator: rand()/RAND_MAX * 100 for each
      a = rng.uniform() * 100.0;
      b = rng.uniform() * 100.0;
    } else if (family == "uniform" || family == "single") {
      a = rng.uniform() * 2000.0 - 1000.0;
      b = rng.uniform() * 2000.0 - 1000.0;
    } else if (family == "x_smaller") {
      a = rng.uniform() * 100.0;
      b = a + 1.0 + rng.uniform() * 100.0;
    } else if (family == "equal") {
      a = b = rng.uniform() * 100.0 - 20.0;
    } else if (family == "outliers") {  // the smaller side alternates; one index in 10^3 has a min of 1e12
      const double lo = rng.below(1000) ? rng.uniform() : 1e12;
      a = i % 2 ? lo : lo + 1.0 + rng.uniform();
      b = i % 2 ? lo + 1.0 + rng.uniform() : lo;
    } else if (family != "cancel") {
      throw std::invalid_argument("unknown family '" + family + "'");
    }
  }
  if (family == "cancel") {  // minima in pairs m, -m + noise with |m| ~ 1e6, shuffled; the other side is larger
    std::vector<double> m(n);
    for (std::size_t i = 0; i + 1 < n; i += 2) {
      m[i] = (rng.below(2) ? 1.0 : -1.0) * 1e6 * (1.0 + rng.uniform());
      m[i + 1] = -m[i] + 5.0 * rng.uniform();
    }
    if (n % 2) m[n - 1] = 5.0 * rng.uniform();
    const auto perm = parevo::random_permutation<std::size_t>(n, rng);
    for (std::size_t i = 0; i < n; ++i) {
      const double lo = m[perm[i]], hi = lo + 1.0 + 1000.0 * rng.uniform();
      const bool x_low = rng.below(2) != 0;
      in.x[i] = x_low ? lo : hi;
      in.y[i] = x_low ? hi : lo;
    }
  }
  return in;
}

// Exact sum of the minima (Neumaier summation in long double) and the sum of their magnitudes.
inline long double exact_sum(const Input& in, long double* sum_abs = nullptr) {
  long double s = 0, c = 0, a = 0;
  for (std::size_t i = 0; i < in.x.size(); ++i) {
    const long double v = std::min(in.x[i], in.y[i]);
    const long double t = s + v;
    c += std::fabs(s) >= std::fabs(v) ? (s - t) + v : (v - t) + s;
    s = t;
    a += std::fabs(v);
  }
  if (sum_abs) *sum_abs = a;
  return s + c;
}

inline long double tolerance(const Input& in, long double sum, long double sum_abs) {
  return 1e-6L * std::fabs(sum) + 2 * static_cast<long double>(in.x.size()) * 0x1p-52L * sum_abs;
}

// The next repetition: add the same random amount to every x and y (so every minimum moves by
// it), 100..200 times the tolerance in total, so a cached sum fails.
inline void vary(Input& in, parevo::Rng& rng) {
  long double sum_abs = 0;
  const long double sum = exact_sum(in, &sum_abs);
  const double total = static_cast<double>(tolerance(in, sum, sum_abs)) * (100.0 + 100.0 * rng.uniform());
  const double shift = (rng.below(2) ? 1.0 : -1.0) * total / static_cast<double>(in.x.size());
  for (std::size_t i = 0; i < in.x.size(); ++i) {
    in.x[i] += shift;
    in.y[i] += shift;
  }
}

inline std::string describe(const Input& in) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6Lg", exact_sum(in));
  return "n=" + std::to_string(in.x.size()) + " sum=" + buf;
}

inline Output invoke(const Input& in) { return sumOfMinimumElements(in.x, in.y); }

inline std::string validate(const Input& in, const Output& out) {
  long double sum_abs = 0;
  const long double expected = exact_sum(in, &sum_abs);
  const long double tol = tolerance(in, expected, sum_abs);
  const long double err = std::fabs(static_cast<long double>(out) - expected);
  if (err <= tol) return "";  // false for NaN
  char buf[160];
  std::snprintf(buf, sizeof buf, "expected %.17Lg, got %.17g (off by %.3Lg, allowed %.3Lg)", expected, out, err, tol);
  return buf;
}

}  // namespace task
