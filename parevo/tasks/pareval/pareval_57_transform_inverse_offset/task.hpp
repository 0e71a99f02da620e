// Harness side of ParEval 57 (x -> 1 - 1/x, in place) with parevo's own inputs and validator.
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

inline double sign(parevo::Rng& rng) { return rng.below(2) ? 1.0 : -1.0; }

inline double draw(const std::string& family, parevo::Rng& rng) {
  double v = 0;
  if (family == "near_one") v = 1.0 + sign(rng) * rng.uniform() * 1e-6;
  else if (family == "tiny") v = sign(rng) * std::pow(10.0, -12.0 + 9.0 * rng.uniform());
  else if (family == "huge") v = sign(rng) * std::pow(10.0, 6.0 + 294.0 * rng.uniform());
  else if (family == "integers") v = sign(rng) * static_cast<double>(1 + rng.below(20));
  else v = rng.uniform() * 100.0 - 50.0;
  return v == 0.0 ? 1.0 : v;
}

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "sorted" || family == "equal_but_one") {  // edge shapes of a integers input (parevo/edge.hpp)
    Input in = generate("integers", size, rng);
    parevo::edge::reshape(family, in.x, rng);
    prepare(in);
    return in;
  }
  if (family == "two") {
    Input in = generate("integers", 2, rng);
    prepare(in);
    return in;
  }
  static const char* known[] = {"paper", "near_one", "tiny", "huge", "integers", "all_equal", "single"};
  if (std::find_if(std::begin(known), std::end(known), [&](const char* k) { return family == k; }) == std::end(known))
    throw std::invalid_argument("unknown family '" + family + "'");
  const std::size_t n = family == "paper" ? 1024 : family == "single" ? 1 : static_cast<std::size_t>(std::max(size, 1LL));
  Input in;
  in.x.resize(n);
  if (family == "all_equal") {
    std::fill(in.x.begin(), in.x.end(), rng.below(2) ? -0.125 : 3.0);
  } else if (family == "single") {
    in.x[0] = rng.below(2) ? 12.0 : -2.0;
  } else {
    for (double& v : in.x) v = draw(family, rng);
  }
  prepare(in);
  return in;
}

// A different vector of the same kind: about 1% of the elements (at least one) are doubled,
// so an answer cached from an earlier call is wrong somewhere.
inline void vary(Input& in, parevo::Rng& rng) {
  const std::size_t n = in.x.size();
  const std::size_t k = std::max<std::size_t>(1, n / 100);
  for (std::size_t t = 0; t < k; ++t) {
    double& v = in.x[rng.below(n)];
    v = std::abs(v) > 1e300 ? v / 2 : v * 2;
  }
  prepare(in);
}

inline std::string describe(const Input& in) {
  double lo = INFINITY, hi = 0;
  for (double v : in.x) { lo = std::min(lo, std::abs(v)); hi = std::max(hi, std::abs(v)); }
  return "n=" + std::to_string(in.x.size()) + " min|x|=" + num(lo) + " max|x|=" + num(hi);
}

inline Output invoke(const Input& in) {
  std::vector<double> x = in.work.size() == in.x.size() ? std::move(in.work) : in.x;
  oneMinusInverse(x);
  return x;
}

inline std::string validate(const Input& in, const Output& out) {
  if (out.size() != in.x.size())
    return "x has " + std::to_string(out.size()) + " elements after the call, expected " + std::to_string(in.x.size());
  std::size_t wrong = 0, first = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const double e = 1.0 - 1.0 / in.x[i];
    if (!(std::abs(out[i] - e) <= 1e-9 * std::max(1.0, std::abs(e))) && !wrong++) first = i;
  }
  if (!wrong) return "";
  return "x[" + std::to_string(first) + "] (was " + num(in.x[first]) + "): expected " + num(1.0 - 1.0 / in.x[first]) +
         ", got " + num(out[first]) + "; " + std::to_string(wrong) + " of " + std::to_string(out.size()) + " wrong";
}

}  // namespace task
