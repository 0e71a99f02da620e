// Harness side of ParEval 40 (sort complex numbers by magnitude) with parevo's own inputs and
// validator: any permutation of the input with non-decreasing magnitude is accepted.
#pragma once
#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "parevo/edge.hpp"
#include "parevo/random.hpp"
#include "types.hpp"

namespace task {

using C = std::complex<double>;
struct Input {
  std::vector<C> x;
};
using Output = std::vector<C>;

inline std::string fmt(C v) {
  char buf[80];
  std::snprintf(buf, sizeof buf, "%.17g%+.17gi (|.| = %.17g)", v.real(), v.imag(), std::abs(v));
  return buf;
}

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "all_equal" || family == "nearly_sorted" || family == "sorted_tail_swap") {  // edge shapes of a uniform input (parevo/edge.hpp)
    Input in = generate("uniform", size, rng);
    parevo::edge::reshape(family, in.x, rng, [](C a, C b) { return std::abs(a) < std::abs(b); });
    return in;
  }
  if (family == "two") return generate("uniform", 2, rng);
  const std::size_t n = family == "paper" ? 1024 : family == "tiny" ? 1 : static_cast<std::size_t>(std::max(size, 1LL));
  Input in;
  in.x.resize(n);
  auto uni = [&](double lo, double hi) { return lo + rng.uniform() * (hi - lo); };
  if (family == "paper" || family == "uniform" || family == "tiny" || family == "sorted" || family == "reverse") {
    for (auto& v : in.x) v = C(uni(-100, 100), uni(-100, 100));
    if (family == "sorted" || family == "reverse") {
      std::sort(in.x.begin(), in.x.end(), [](C a, C b) { return std::abs(a) < std::abs(b); });
      if (family == "reverse") std::reverse(in.x.begin(), in.x.end());
    }
  } else if (family == "rings") {  // Pythagorean-style points: each circle holds up to 16 of them
    static const int pts[][2] = {{3, 4}, {5, 0}, {6, 8}, {10, 0}, {5, 12}, {13, 0}, {1, 7}, {5, 5},
                                 {7, 24}, {15, 20}, {25, 0}, {0, 1}, {1, 1}, {2, 11}, {10, 5}};
    for (auto& v : in.x) {
      const auto& p = pts[rng.below(sizeof pts / sizeof pts[0])];
      double a = p[0], b = p[1];
      if (rng.below(2)) std::swap(a, b);
      v = C(rng.below(2) ? -a : a, rng.below(2) ? -b : b);
    }
  } else if (family == "duplicates") {
    C pool[16];
    for (auto& p : pool) p = C(uni(-10, 10), uni(-10, 10));
    for (auto& v : in.x) v = pool[rng.below(16)];
  } else if (family == "magnitudes") {
    for (auto& v : in.x) v = std::polar(std::pow(10.0, uni(-30, 30)), uni(-3.14159, 3.14159));
  } else {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  return in;
}

// A different instance: a few random elements are replaced by new values of random magnitude.
inline void vary(Input& in, parevo::Rng& rng) {
  double hi = 1.0;
  for (const C& v : in.x) hi = std::max(hi, std::abs(v));
  for (int k = 0; k < 8; ++k) in.x[rng.below(in.x.size())] = std::polar(hi * rng.uniform(), 6.28 * rng.uniform());
}

inline std::string describe(const Input& in) { return "n=" + std::to_string(in.x.size()); }

// The candidate sorts the harness's scratch copy of the input in place, moved out untimed.
inline Output invoke(Input& in) {
  Output x = std::move(in.x);
  sortComplexByMagnitude(x);
  return x;
}

inline bool lex_less(C a, C b) { return a.real() < b.real() || (a.real() == b.real() && a.imag() < b.imag()); }

inline std::string validate(const Input& in, const Output& out) {
  const std::size_t n = in.x.size();
  if (out.size() != n) return "x has " + std::to_string(out.size()) + " elements after the call, expected " + std::to_string(n);
  std::size_t bad = 0, first = n;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const double a = std::abs(out[i]), b = std::abs(out[i + 1]);
    if (!(a <= b * (1 + 1e-12)) && bad++ == 0) first = i;
  }
  if (bad)
    return "not sorted by magnitude: x[" + std::to_string(first) + "] = " + fmt(out[first]) + " before x[" +
           std::to_string(first + 1) + "] = " + fmt(out[first + 1]) + " (" + std::to_string(bad) + " descents)";
  std::vector<C> a = in.x, b = out;
  std::sort(a.begin(), a.end(), lex_less);
  std::sort(b.begin(), b.end(), lex_less);
  for (std::size_t i = 0; i < n; ++i)
    if (!(a[i] == b[i]))
      return "not a permutation of the input: the sorted multisets first differ at " + fmt(a[i]) + " (input) vs " + fmt(b[i]) + " (output)";
  return "";
}

}  // namespace task
