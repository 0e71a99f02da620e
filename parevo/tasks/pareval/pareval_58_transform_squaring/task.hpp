// Harness side of ParEval 58 (square each element, in place) with parevo's own inputs and
// validator.
#pragma once
#include <algorithm>
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
  std::vector<int> x;
  mutable std::vector<int> work;
};
using Output = std::vector<int>;

constexpr int kMaxAbs = 46340;  // 46340^2 < 2^31 - 1 < 46341^2

inline void prepare(Input& in) { in.work = in.x; }

inline int draw(const std::string& family, parevo::Rng& rng) {
  if (family == "paper") return static_cast<int>(rng.below(100)) - 50;
  if (family == "wide") return static_cast<int>(rng.below(2 * kMaxAbs + 1)) - kMaxAbs;
  if (family == "negative") return -1 - static_cast<int>(rng.below(kMaxAbs));
  if (family == "zeros_ones") return rng.below(50) ? static_cast<int>(rng.below(2)) : static_cast<int>(rng.below(7)) - 3;
  return static_cast<int>(rng.below(100)) - 50;
}

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "sorted" || family == "equal_but_one") {  // edge shapes of a wide input (parevo/edge.hpp)
    Input in = generate("wide", size, rng);
    parevo::edge::reshape(family, in.x, rng);
    prepare(in);
    return in;
  }
  if (family == "two") {
    Input in = generate("wide", 2, rng);
    prepare(in);
    return in;
  }
  static const char* known[] = {"paper", "wide", "negative", "zeros_ones", "all_equal", "single"};
  if (std::find_if(std::begin(known), std::end(known), [&](const char* k) { return family == k; }) == std::end(known))
    throw std::invalid_argument("unknown family '" + family + "'");
  const std::size_t n = family == "paper" ? 1024 : family == "single" ? 1 : static_cast<std::size_t>(std::max(size, 1LL));
  Input in;
  in.x.resize(n);
  if (family == "all_equal") {
    std::fill(in.x.begin(), in.x.end(), rng.below(2) ? -kMaxAbs : 3);
  } else if (family == "single") {
    in.x[0] = rng.below(2) ? -9 : kMaxAbs;
  } else {
    for (int& v : in.x) v = draw(family, rng);
  }
  prepare(in);
  return in;
}

// A different vector of the same kind: about 1% of the elements (at least one) change magnitude
// by one (towards zero when at the bound), so an answer cached from an earlier call is wrong.
inline void vary(Input& in, parevo::Rng& rng) {
  const std::size_t n = in.x.size();
  const std::size_t k = std::max<std::size_t>(1, n / 100);
  for (std::size_t t = 0; t < k; ++t) {
    int& v = in.x[rng.below(n)];
    if (v >= kMaxAbs) v -= 1;
    else if (v <= -kMaxAbs) v += 1;
    else v += v < 0 ? -1 : 1;
  }
  prepare(in);
}

inline std::string describe(const Input& in) {
  const auto [lo, hi] = std::minmax_element(in.x.begin(), in.x.end());
  return "n=" + std::to_string(in.x.size()) + " min=" + std::to_string(*lo) + " max=" + std::to_string(*hi);
}

inline Output invoke(const Input& in) {
  std::vector<int> x = in.work.size() == in.x.size() ? std::move(in.work) : in.x;
  squareEach(x);
  return x;
}

inline std::string validate(const Input& in, const Output& out) {
  if (out.size() != in.x.size())
    return "x has " + std::to_string(out.size()) + " elements after the call, expected " + std::to_string(in.x.size());
  std::size_t wrong = 0, first = 0;
  for (std::size_t i = 0; i < out.size(); ++i)
    if (out[i] != in.x[i] * in.x[i] && !wrong++) first = i;
  if (!wrong) return "";
  return "x[" + std::to_string(first) + "] (was " + std::to_string(in.x[first]) + "): expected " +
         std::to_string(in.x[first] * in.x[first]) + ", got " + std::to_string(out[first]) + "; " +
         std::to_string(wrong) + " of " + std::to_string(out.size()) + " wrong";
}

}  // namespace task
