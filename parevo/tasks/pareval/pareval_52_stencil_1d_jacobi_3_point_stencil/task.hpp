// Harness side of ParEval 52 (3-point 1D Jacobi step) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "parevo/random.hpp"
#include "parevo/output_fill.hpp"
#include "types.hpp"

namespace task {

constexpr double kSentinel = -123456789.0;

// `output` is the output buffer, prepared outside the timed call (the harness copies the Input
// before invoke) and filled with a sentinel, so a candidate that skips an element fails; invoke
// hands it to the candidate without copying.
struct Input {
  std::vector<double> x;
  mutable std::vector<double> output;
};
using Output = std::vector<double>;

inline void prepare(Input& in) { in.output.assign(in.x.size(), parevo::output_fill(kSentinel)); }

inline std::string num(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

inline double draw(const std::string& family, std::size_t i, std::size_t n, parevo::Rng& rng) {
  if (family == "alternating") return (i % 2 ? -1.0 : 1.0) * std::pow(10.0, 200.0 * rng.uniform());
  if (family == "ramp") return -1000.0 + 2000.0 * static_cast<double>(i) / static_cast<double>(n) + rng.uniform() * 1e-3;
  if (family == "wide_range") return (rng.below(2) ? 1.0 : -1.0) * std::pow(10.0, -200.0 + 400.0 * rng.uniform());
  return rng.uniform() * 200.0 - 100.0;
}

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  static const char* known[] = {"paper", "alternating", "constant", "ramp", "wide_range", "two", "single"};
  if (std::find_if(std::begin(known), std::end(known), [&](const char* k) { return family == k; }) == std::end(known))
    throw std::invalid_argument("unknown family '" + family + "'");
  const std::size_t n = family == "paper" ? 1024 : family == "two" ? 2 : family == "single" ? 1
                        : static_cast<std::size_t>(std::max(size, 1LL));
  Input in;
  in.x.resize(n);
  if (family == "constant") std::fill(in.x.begin(), in.x.end(), rng.below(2) ? 3.0 : -0.75);
  else for (std::size_t i = 0; i < n; ++i) in.x[i] = draw(family, i, n, rng);
  prepare(in);
  return in;
}

// A different vector of the same kind: about 1% of the elements (at least one) change sign and
// gain 1, so an answer cached from an earlier call is wrong somewhere.
inline void vary(Input& in, parevo::Rng& rng) {
  const std::size_t n = in.x.size();
  const std::size_t k = std::max<std::size_t>(1, n / 100);
  for (std::size_t t = 0; t < k; ++t) {
    double& v = in.x[rng.below(n)];
    v = -v + 1.0;
  }
  prepare(in);
}

inline std::string describe(const Input& in) {
  double hi = 0;
  for (double v : in.x) hi = std::max(hi, std::abs(v));
  return "n=" + std::to_string(in.x.size()) + " max|x|=" + num(hi);
}

inline Output invoke(const Input& in) {
  std::vector<double> out;
  if (in.output.size() == in.x.size()) out = std::move(in.output);
  else out.assign(in.x.size(), kSentinel);
  jacobi1D(in.x, out);
  return out;
}

inline std::string validate(const Input& in, const Output& out) {
  const std::size_t n = in.x.size();
  if (out.size() != n)
    return "output has " + std::to_string(out.size()) + " elements after the call, expected " + std::to_string(n);
  std::size_t wrong = 0, first = 0;
  double first_expected = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double a = i > 0 ? in.x[i - 1] : 0.0, b = in.x[i], c = i + 1 < n ? in.x[i + 1] : 0.0;
    const double expected = (a + b + c) / 3.0;
    const double tol = 1e-10 * (std::abs(a) + std::abs(b) + std::abs(c));
    if (!(std::abs(out[i] - expected) <= tol) && !wrong++) { first = i; first_expected = expected; }
  }
  if (!wrong) return "";
  return "output[" + std::to_string(first) + "]: expected " + num(first_expected) + ", got " + num(out[first]) + "; " +
         std::to_string(wrong) + " of " + std::to_string(n) + " wrong";
}

}  // namespace task
