// Harness side of ParEval 55 (ReLU in place) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "parevo/edge.hpp"
#include "parevo/random.hpp"
#include "types.hpp"

namespace task {

// `x` is the input the validator reads; `work` is a copy of it prepared outside the timed call
// (the harness copies the Input before invoke), which invoke hands to the candidate so that
// the timed region holds the candidate's work only, not a serial copy.
struct Input {
  std::vector<double> x;
  mutable std::vector<double> work;
};
using Output = std::vector<double>;

inline void prepare(Input& in) { in.work = in.x; }

inline std::string num(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

inline double draw(const std::string& family, std::size_t i, std::size_t n, parevo::Rng& rng) {
  if (family == "paper") return rng.uniform() * 100.0 - 50.0;
  if (family == "all_negative") return -(rng.uniform() * 1e3 + 1e-9);
  if (family == "all_positive") return rng.uniform() * 1e3 + 1e-9;
  if (family == "zeros_tiny") {
    switch (rng.below(4)) {
      case 0: return 0.0;
      case 1: return -0.0;
      case 2: return (rng.uniform() + 0.5) * 1e-300;
      default: return -(rng.uniform() + 0.5) * 1e-300;
    }
  }
  if (family == "sorted") return -100.0 + 200.0 * (static_cast<double>(i) + rng.uniform()) / static_cast<double>(n);
  return rng.uniform() * 100.0 - 50.0;
}

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "reverse" || family == "equal_but_one" || family == "nearly_sorted" || family == "two") {
    // edge shapes (parevo/edge.hpp) of an input of both signs
    Input in = generate("all_negative", family == "two" ? 2 : size, rng);
    for (double& v : in.x) if (rng.below(2)) v = -v;
    if (family == "two") in.x[1] = -in.x[0] / 2;
    else parevo::edge::reshape(family, in.x, rng);
    prepare(in);
    return in;
  }
  static const char* known[] = {"paper", "all_negative", "all_positive", "zeros_tiny", "all_equal", "sorted", "single"};
  if (std::find_if(std::begin(known), std::end(known), [&](const char* k) { return family == k; }) == std::end(known))
    throw std::invalid_argument("unknown family '" + family + "'");
  const std::size_t n = family == "paper" ? 1024 : family == "single" ? 1 : static_cast<std::size_t>(std::max(size, 1LL));
  Input in;
  in.x.resize(n);
  if (family == "all_equal") {
    const double v = rng.below(2) ? -3.25 : 7.5;
    std::fill(in.x.begin(), in.x.end(), v);
  } else if (family == "single") {
    in.x[0] = rng.below(2) ? -1.5 : 2.5;
  } else {
    for (std::size_t i = 0; i < n; ++i) in.x[i] = draw(family, i, n, rng);
  }
  prepare(in);
  return in;
}

// A different vector of the same kind: about 1% of the elements (at least one) are redrawn with
// their sign flipped, so an answer cached from an earlier call is wrong somewhere.
inline void vary(Input& in, parevo::Rng& rng) {
  const std::size_t n = in.x.size();
  const std::size_t k = std::max<std::size_t>(1, n / 100);
  for (std::size_t t = 0; t < k; ++t) {
    const std::size_t i = rng.below(n);
    in.x[i] = in.x[i] == 0.0 ? 1.0 + rng.uniform() : -in.x[i];
  }
  prepare(in);
}

inline std::string describe(const Input& in) {
  const auto neg = std::count_if(in.x.begin(), in.x.end(), [](double v) { return v < 0; });
  return "n=" + std::to_string(in.x.size()) + " negative=" + std::to_string(neg);
}

inline Output invoke(const Input& in) {
  std::vector<double> x = in.work.size() == in.x.size() ? std::move(in.work) : in.x;
  relu(x);
  return x;
}

inline std::string validate(const Input& in, const Output& out) {
  if (out.size() != in.x.size())
    return "x has " + std::to_string(out.size()) + " elements after the call, expected " + std::to_string(in.x.size());
  std::size_t wrong = 0, first = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const double expected = in.x[i] < 0 ? 0.0 : in.x[i];
    if (!(out[i] == expected)) { if (!wrong++) first = i; }
  }
  if (!wrong) return "";
  const double expected = in.x[first] < 0 ? 0.0 : in.x[first];
  return "x[" + std::to_string(first) + "] (was " + num(in.x[first]) + "): expected " + num(expected) +
         ", got " + num(out[first]) + "; " + std::to_string(wrong) + " of " +
         std::to_string(out.size()) + " wrong";
}

}  // namespace task
