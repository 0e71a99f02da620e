// Harness side of ParEval 03 (axpy) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>
#include <string>

#include "parevo/edge.hpp"
#include "parevo/random.hpp"
#include "parevo/output_fill.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::string family;
  double alpha = 2.0;
  std::vector<double> x, y;
  // The output buffer, NaN-filled, made with the input so that its allocation and first touch
  // happen in the harness's untimed copy; invoke moves it out.
  mutable std::vector<double> z;
};
using Output = std::vector<double>;  // z after the call

inline double unif(parevo::Rng& rng, double lo, double hi) { return lo + (hi - lo) * rng.uniform(); }
inline double random_alpha(parevo::Rng& rng) { return (rng.below(2) ? 1 : -1) * unif(rng, 0.25, 4); }

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "two") return generate("uniform", 2, rng);
  Input in;
  in.family = family;
  const std::size_t n = family == "tiny" ? 1 : family == "paper" ? 1024 : static_cast<std::size_t>(std::max(size, 1LL));
  in.x.resize(n);
  in.y.resize(n);
  if (family == "paper") {  // ParEval: alpha = 2, fillRand(x, -1, 1), fillRand(y, -1, 1)
    in.alpha = 2.0;
    for (std::size_t i = 0; i < n; ++i) { in.x[i] = unif(rng, -1, 1); in.y[i] = unif(rng, -1, 1); }
  } else if (family == "uniform" || family == "tiny" || family == "alpha_zero" || family == "cancel") {
    in.alpha = family == "alpha_zero" ? 0.0 : random_alpha(rng);
    for (std::size_t i = 0; i < n; ++i) { in.x[i] = unif(rng, -1, 1); in.y[i] = unif(rng, -1, 1); }
    if (family == "cancel")
      for (std::size_t i = 0; i < n; ++i) in.y[i] = -(in.alpha * in.x[i]);
  } else if (family == "mixed_scale") {
    in.alpha = random_alpha(rng);
    for (std::size_t i = 0; i < n; ++i) {
      in.x[i] = unif(rng, -1, 1) * std::pow(10.0, unif(rng, -100, 100));
      in.y[i] = unif(rng, -1, 1) * std::pow(10.0, unif(rng, -100, 100));
    }
  } else {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  in.z.assign(n, parevo::output_fill(std::numeric_limits<double>::quiet_NaN()));
  return in;
}

// A new alpha (alpha = 0 keeps alpha and rescales y instead; `cancel` keeps y = -alpha*x).
inline void vary(Input& in, parevo::Rng& rng) {
  if (in.family == "alpha_zero") {
    const double s = unif(rng, 0.5, 2);
    for (auto& v : in.y) v *= s;
    return;
  }
  double a;
  do a = random_alpha(rng); while (a == in.alpha);
  in.alpha = a;
  if (in.family == "cancel")
    for (std::size_t i = 0; i < in.x.size(); ++i) in.y[i] = -(in.alpha * in.x[i]);
}

inline std::string describe(const Input& in) {
  char buf[64];
  std::snprintf(buf, sizeof buf, " alpha=%g", in.alpha);
  return "n=" + std::to_string(in.x.size()) + buf;
}

inline Output invoke(const Input& in) {
  Output z = std::move(in.z);
  if (z.size() != in.x.size()) z.assign(in.x.size(), std::numeric_limits<double>::quiet_NaN());
  axpy(in.alpha, in.x, in.y, z);
  return z;
}

inline std::string fmt(double x) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", x);
  return buf;
}

inline std::string validate(const Input& in, const Output& z) {
  const std::size_t n = in.x.size();
  if (z.size() != n) return "z has " + std::to_string(z.size()) + " elements, expected " + std::to_string(n);
  std::size_t bad = 0, first = n;
  for (std::size_t i = 0; i < n; ++i) {
    const double ax = in.alpha * in.x[i], e = ax + in.y[i];
    if (!(std::abs(z[i] - e) <= 1e-14 * (std::abs(ax) + std::abs(in.y[i])) + 1e-300)) { ++bad; if (first == n) first = i; }
  }
  if (!bad) return "";
  return std::to_string(bad) + " of " + std::to_string(n) + " elements wrong; first z[" + std::to_string(first) +
         "] = " + fmt(z[first]) + ", expected " + fmt(in.alpha * in.x[first] + in.y[first]);
}

}  // namespace task
