// Harness side of ParEval 31 (running minimum, in place) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "parevo/edge.hpp"
#include "parevo/random.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::vector<float> x;
};
using Output = std::vector<float>;

inline std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

inline float uniform100(parevo::Rng& rng) { return static_cast<float>(rng.uniform() * 200.0 - 100.0); }

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "all_equal" || family == "equal_but_one" || family == "nearly_sorted") {  // edge shapes of a uniform input (parevo/edge.hpp)
    Input in = generate("uniform", size, rng);
    parevo::edge::reshape(family, in.x, rng);
    return in;
  }
  if (family == "two") return generate("uniform", 2, rng);
  const std::size_t n = family == "paper" ? 1024 : family == "tiny" ? 1 : static_cast<std::size_t>(std::max(size, 1LL));
  Input in;
  in.x.resize(n);
  if (family == "paper" || family == "uniform" || family == "tiny") {
    for (auto& v : in.x) v = uniform100(rng);
  } else if (family == "descending" || family == "ascending") {  // distinct steps of 0.25 from a random start
    const float start = static_cast<float>(rng.below(1000));
    for (std::size_t i = 0; i < n; ++i)
      in.x[i] = start + (family == "ascending" ? 0.25f : -0.25f) * static_cast<float>(i % 4000000);
    if (family == "descending") std::sort(in.x.begin(), in.x.end(), [](float a, float b) { return a > b; });
    else std::sort(in.x.begin(), in.x.end());
  } else if (family == "min_last") {  // everything in [0, 100] but the last element
    for (auto& v : in.x) v = static_cast<float>(rng.uniform() * 100.0);
    in.x[n - 1] = -1.0f - static_cast<float>(rng.below(100));
  } else if (family == "plateaus") {
    for (auto& v : in.x) v = static_cast<float>(rng.below(10)) - 5.0f;
  } else {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  return in;
}

// A different instance: a new minimum somewhere in the first half (every later element changes).
inline void vary(Input& in, parevo::Rng& rng) {
  const std::size_t n = in.x.size();
  const float lo = *std::min_element(in.x.begin(), in.x.end());
  in.x[rng.below((n + 1) / 2)] = lo - 1.0f - static_cast<float>(rng.below(10));
}

inline std::string describe(const Input& in) { return "n=" + std::to_string(in.x.size()); }

// The candidate works in place on the harness's scratch copy of the input, moved out untimed.
inline Output invoke(Input& in) {
  Output x = std::move(in.x);
  partialMinimums(x);
  return x;
}

inline std::string validate(const Input& in, const Output& out) {
  const std::size_t n = in.x.size();
  if (out.size() != n) return "x has " + std::to_string(out.size()) + " elements after the call, expected " + std::to_string(n);
  float m = in.x[0];
  std::size_t wrong = 0, first = n;
  float first_exp = 0, first_got = 0;
  for (std::size_t i = 0; i < n; ++i) {
    m = std::min(m, in.x[i]);
    if (!(out[i] == m) && wrong++ == 0) { first = i; first_exp = m; first_got = out[i]; }
  }
  if (wrong == 0) return "";
  return "x[" + std::to_string(first) + "] = " + fmt(first_got) + ", expected " + fmt(first_exp) + " (" +
         std::to_string(wrong) + " of " + std::to_string(n) + " wrong)";
}

}  // namespace task
