// Harness side of ParEval 30 (prefix sum) with parevo's own inputs and validator.
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
  std::vector<double> x;
  std::vector<double> output;  // the buffer handed to the candidate: size n, NaN garbage
};
using Output = std::vector<double>;

inline std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

inline double sample(const std::string& family, std::size_t i, parevo::Rng& rng) {
  if (family == "paper" || family == "uniform" || family == "tiny") return rng.uniform() * 200.0 - 100.0;
  if (family == "cancel") return (i % 2 ? -1e12 : 1e12) + rng.uniform();
  if (family == "magnitudes") return (rng.below(2) ? 1.0 : -1.0) * std::pow(10.0, rng.uniform() * 16.0 - 8.0);
  if (family == "constant") return 1.5;
  if (family == "sorted") return rng.uniform() * 200.0 - 100.0;  // sorted afterwards
  throw std::invalid_argument("unknown family '" + family + "'");
}

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "equal_but_one" || family == "nearly_sorted") {  // edge shapes of a uniform input (parevo/edge.hpp)
    Input in = generate("uniform", size, rng);
    parevo::edge::reshape(family, in.x, rng);
    return in;
  }
  if (family == "two") return generate("uniform", 2, rng);
  const std::size_t n = family == "paper" ? 2048 : family == "tiny" ? 1 : static_cast<std::size_t>(std::max(size, 1LL));
  Input in;
  in.x.resize(n);
  for (std::size_t i = 0; i < n; ++i) in.x[i] = sample(family, i, rng);
  if (family == "sorted") std::sort(in.x.begin(), in.x.end());
  in.output.assign(n, parevo::output_fill(std::numeric_limits<double>::quiet_NaN()));
  return in;
}

// A different instance: a few random elements get new values (every later prefix changes).
inline void vary(Input& in, parevo::Rng& rng) {
  const std::size_t n = in.x.size();
  for (int k = 0; k < 8; ++k) {
    const std::size_t i = rng.below(n);
    in.x[i] += 1.0 + std::fabs(in.x[i]) * 0.5;
  }
}

inline std::string describe(const Input& in) { return "n=" + std::to_string(in.x.size()); }

// The candidate writes into the harness's scratch copy of the input: the garbage-filled output
// buffer moves out of it, so the timed call is the candidate's work alone.
inline Output invoke(Input& in) {
  Output out = std::move(in.output);
  prefixSum(in.x, out);
  return out;
}

inline std::string validate(const Input& in, const Output& out) {
  const std::size_t n = in.x.size();
  if (out.size() != n)
    return "output has " + std::to_string(out.size()) + " elements, expected " + std::to_string(n);
  long double sum = 0, abs_sum = 0;
  std::size_t wrong = 0, first = n;
  double first_exp = 0, first_got = 0;
  for (std::size_t i = 0; i < n; ++i) {
    sum += in.x[i];
    abs_sum += std::fabs(in.x[i]);
    const double exp = static_cast<double>(sum);
    const double tol = 1e-8 * static_cast<double>(abs_sum) + 1e-300;
    if (!(std::fabs(out[i] - exp) <= tol)) {
      if (wrong++ == 0) { first = i; first_exp = exp; first_got = out[i]; }
    }
  }
  if (wrong == 0) return "";
  return "output[" + std::to_string(first) + "] = " + fmt(first_got) + ", expected " + fmt(first_exp) + " (" + std::to_string(wrong) + " of " + std::to_string(n) + " wrong)";
}

}  // namespace task
