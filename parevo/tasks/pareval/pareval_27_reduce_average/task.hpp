// Harness side of ParEval 27 (average) with parevo's own inputs and validator.
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

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "equal_but_one" || family == "nearly_sorted") {  // edge shapes of a uniform input (parevo/edge.hpp)
    Input in = generate("uniform", size, rng);
    parevo::edge::reshape(family, in.x, rng);
    return in;
  }
  if (family == "two") return generate("uniform", 2, rng);
  Input in;
  const std::size_t n = family == "single" ? 1 : family == "paper" ? 1024 : static_cast<std::size_t>(std::max(size, 2LL));
  in.x.resize(n);
  if (family == "paper") {  // ParEval's generator: rand()/RAND_MAX * 100
    for (auto& v : in.x) v = rng.uniform() * 100.0;
  } else if (family == "uniform" || family == "single") {
    for (auto& v : in.x) v = rng.uniform() * 1000.0 - 250.0;
  } else if (family == "cancel") {  // pairs a, -a + noise with |a| ~ 1e6, shuffled: the mean is about 2.5
    for (std::size_t i = 0; i + 1 < n; i += 2) {
      in.x[i] = (rng.below(2) ? 1.0 : -1.0) * 1e6 * (1.0 + rng.uniform());
      in.x[i + 1] = -in.x[i] + 5.0 * rng.uniform();
    }
    if (n % 2) in.x[n - 1] = 5.0 * rng.uniform();
    const auto perm = parevo::random_permutation<std::size_t>(n, rng);
    std::vector<double> y(n);
    for (std::size_t i = 0; i < n; ++i) y[perm[i]] = in.x[i];
    in.x.swap(y);
  } else if (family == "outliers") {  // one in 10^3 values (at least one) is 1e12, the rest in [0, 1)
    for (auto& v : in.x) v = rng.below(1000) ? rng.uniform() : 1e12;
    in.x[rng.below(n)] = 1e12;
  } else if (family == "all_equal") {
    std::fill(in.x.begin(), in.x.end(), 0.1 + rng.uniform());
  } else if (family == "sorted") {
    for (auto& v : in.x) v = rng.uniform() * 100.0;
    std::sort(in.x.begin(), in.x.end());
  } else if (family == "negative") {
    for (auto& v : in.x) v = -1.0 - 99.0 * rng.uniform();
  } else {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  return in;
}

// Compensated (Neumaier) summation in long double: the exact mean to far beyond the tolerance.
inline long double exact_mean(const Input& in, long double* mean_abs = nullptr) {
  long double s = 0, c = 0, a = 0;
  for (double v : in.x) {
    const long double t = s + v;
    c += std::fabs(s) >= std::fabs(static_cast<long double>(v)) ? (s - t) + v : (v - t) + s;
    s = t;
    a += std::fabs(v);
  }
  const long double n = static_cast<long double>(in.x.size());
  if (mean_abs) *mean_abs = a / n;
  return (s + c) / n;
}

inline long double tolerance(const Input& in, long double mean, long double mean_abs) {
  return 1e-6L * std::fabs(mean) + 2 * static_cast<long double>(in.x.size()) * 0x1p-52L * mean_abs;
}

// The next repetition: shift every element by the same random amount, 100..200 times the
// tolerance, so a cached mean fails while the shape of the data (cancellation, outliers) stays.
inline void vary(Input& in, parevo::Rng& rng) {
  long double mean_abs = 0;
  const long double mean = exact_mean(in, &mean_abs);
  const double shift = (rng.below(2) ? 1.0 : -1.0) * static_cast<double>(tolerance(in, mean, mean_abs)) * (100.0 + 100.0 * rng.uniform());
  for (auto& v : in.x) v += shift;
}

inline std::string describe(const Input& in) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6Lg", exact_mean(in));
  return "n=" + std::to_string(in.x.size()) + " mean=" + buf;
}

inline Output invoke(const Input& in) { return average(in.x); }

inline std::string validate(const Input& in, const Output& out) {
  long double mean_abs = 0;
  const long double expected = exact_mean(in, &mean_abs);
  const long double tol = tolerance(in, expected, mean_abs);
  const long double err = std::fabs(static_cast<long double>(out) - expected);
  if (err <= tol) return "";  // false for NaN
  char buf[160];
  std::snprintf(buf, sizeof buf, "expected %.17Lg, got %.17g (off by %.3Lg, allowed %.3Lg)", expected, out, err, tol);
  return buf;
}

}  // namespace task
