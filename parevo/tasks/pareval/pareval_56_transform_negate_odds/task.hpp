// Harness side of ParEval 56 (negate odds, halve evens, in place) with parevo's own inputs and
// validator.
#pragma once
#include <algorithm>
#include <climits>
#include <cstdint>
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

inline void prepare(Input& in) { in.work = in.x; }

inline int expected_of(int v) { return v % 2 != 0 ? -v : v / 2; }

inline int any_int(parevo::Rng& rng) { return static_cast<int>(static_cast<std::uint32_t>(rng.next())); }

inline int draw(const std::string& family, parevo::Rng& rng) {
  if (family == "paper") return 1 + static_cast<int>(rng.below(99));
  if (family == "full_range") return any_int(rng);
  if (family == "all_odd") return any_int(rng) | 1;
  if (family == "all_even") return any_int(rng) & ~1;
  if (family == "extremes") {
    static const int v[] = {INT_MIN, INT_MAX, 0, 1, -1, 2, -2, INT_MIN + 1, INT_MAX - 1};
    return v[rng.below(sizeof v / sizeof v[0])];
  }
  return any_int(rng);
}

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "sorted" || family == "equal_but_one") {  // edge shapes of a full_range input (parevo/edge.hpp)
    Input in = generate("full_range", size, rng);
    parevo::edge::reshape(family, in.x, rng);
    prepare(in);
    return in;
  }
  if (family == "two") {
    Input in = generate("full_range", 2, rng);
    prepare(in);
    return in;
  }
  static const char* known[] = {"paper", "full_range", "all_odd", "all_even", "extremes", "all_equal", "single"};
  if (std::find_if(std::begin(known), std::end(known), [&](const char* k) { return family == k; }) == std::end(known))
    throw std::invalid_argument("unknown family '" + family + "'");
  const std::size_t n = family == "paper" ? 1024 : family == "single" ? 1 : static_cast<std::size_t>(std::max(size, 1LL));
  Input in;
  in.x.resize(n);
  if (family == "all_equal") {
    std::fill(in.x.begin(), in.x.end(), rng.below(2) ? -7 : 10);
  } else if (family == "single") {
    in.x[0] = rng.below(2) ? -13 : 42;
  } else {
    for (int& v : in.x) v = draw(family, rng);
  }
  prepare(in);
  return in;
}

// A different vector of the same kind: about 1% of the elements (at least one) change value
// (v -> v + 2 keeps odd odd and even even, and changes the answer; INT_MAX-ish wrap to negative
// values of the same parity), so an answer cached from an earlier call is wrong somewhere.
inline void vary(Input& in, parevo::Rng& rng) {
  const std::size_t n = in.x.size();
  const std::size_t k = std::max<std::size_t>(1, n / 100);
  for (std::size_t t = 0; t < k; ++t) {
    const std::size_t i = rng.below(n);
    in.x[i] = static_cast<int>(static_cast<std::uint32_t>(in.x[i]) + 2u);
  }
  prepare(in);
}

inline std::string describe(const Input& in) {
  const auto odd = std::count_if(in.x.begin(), in.x.end(), [](int v) { return v % 2 != 0; });
  const auto neg = std::count_if(in.x.begin(), in.x.end(), [](int v) { return v < 0; });
  return "n=" + std::to_string(in.x.size()) + " odd=" + std::to_string(odd) + " negative=" + std::to_string(neg);
}

inline Output invoke(const Input& in) {
  std::vector<int> x = in.work.size() == in.x.size() ? std::move(in.work) : in.x;
  negateOddsAndHalveEvens(x);
  return x;
}

inline std::string validate(const Input& in, const Output& out) {
  if (out.size() != in.x.size())
    return "x has " + std::to_string(out.size()) + " elements after the call, expected " + std::to_string(in.x.size());
  std::size_t wrong = 0, first = 0;
  for (std::size_t i = 0; i < out.size(); ++i)
    if (out[i] != expected_of(in.x[i]) && !wrong++) first = i;
  if (!wrong) return "";
  return "x[" + std::to_string(first) + "] (was " + std::to_string(in.x[first]) + "): expected " +
         std::to_string(expected_of(in.x[first])) + ", got " + std::to_string(out[first]) + "; " +
         std::to_string(wrong) + " of " + std::to_string(out.size()) + " wrong";
}

}  // namespace task
