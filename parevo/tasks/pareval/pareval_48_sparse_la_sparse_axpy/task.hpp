// Harness side of ParEval 48 (sparse axpy into a dense z) with parevo's own inputs and
// validator.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "parevo/random.hpp"
#include "parevo/output_fill.hpp"
#include "types.hpp"

// Exactly as in the prompt (the candidate's copy is the one compiled with its code).
struct Element {
	size_t index;
  double value;
};

void sparseAxpy(double alpha, std::vector<Element> const& x, std::vector<Element> const& y, std::vector<double> &z);

namespace task {

constexpr double kSentinel = -123456789.0;

// `z` is the output buffer, prepared outside the timed call (the harness copies the Input
// before invoke) and filled with a sentinel, so a candidate that skips an element (or adds to
// it) fails; invoke hands it to the candidate without copying.
struct Input {
  double alpha = 1;
  std::vector<Element> x, y;
  std::size_t n = 1;
  mutable std::vector<double> z;
};
using Output = std::vector<double>;

inline void prepare(Input& in) { in.z.assign(in.n, parevo::output_fill(kSentinel)); }

inline std::string num(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

inline double sym(parevo::Rng& rng) { return 2.0 * rng.uniform() - 1.0; }

// `k` distinct random indices in [lo, hi), sorted, with random values.
inline std::vector<Element> random_sparse(std::size_t lo, std::size_t hi, std::size_t k, parevo::Rng& rng) {
  const std::size_t span = hi - lo;
  k = std::min(k, span);
  std::vector<std::size_t> idx;
  if (k * 4 >= span) {
    for (std::size_t i = lo; i < hi; ++i)
      if (rng.below(span) < k) idx.push_back(i);
  } else {
    while (idx.size() < k) {
      for (std::size_t t = idx.size(); t < k; ++t) idx.push_back(lo + rng.below(span));
      std::sort(idx.begin(), idx.end());
      idx.erase(std::unique(idx.begin(), idx.end()), idx.end());
    }
  }
  std::vector<Element> out;
  out.reserve(idx.size());
  for (std::size_t i : idx) out.push_back({i, sym(rng)});
  return out;
}

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  static const char* known[] = {"paper", "overlap", "disjoint", "dense", "clustered", "empty_x", "cancel", "single"};
  if (std::find_if(std::begin(known), std::end(known), [&](const char* k) { return family == k; }) == std::end(known))
    throw std::invalid_argument("unknown family '" + family + "'");
  Input in;
  in.n = family == "paper" ? 1024 : family == "single" ? 1 : static_cast<std::size_t>(std::max(size, 10LL));
  const std::size_t n = in.n;
  in.alpha = sym(rng);
  if (family == "paper") {
    in.x = random_sparse(0, n, n / 10, rng);
    in.y = random_sparse(0, n, n / 10, rng);
  } else if (family == "overlap" || family == "cancel") {
    in.x = random_sparse(0, n, n / 5, rng);
    in.y = in.x;
    for (Element& e : in.y) e.value = family == "cancel" ? -(in.alpha * e.value) : sym(rng);
  } else if (family == "disjoint") {
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t r = rng.below(4);
      if (r == 0) in.x.push_back({i, sym(rng)});
      else if (r == 1) in.y.push_back({i, sym(rng)});
    }
  } else if (family == "dense") {
    in.x = random_sparse(0, n, n, rng);
    in.y = random_sparse(0, n, n, rng);
  } else if (family == "clustered") {
    in.x = random_sparse(0, n / 10, n / 20, rng);
    in.y = random_sparse(n - n / 10, n, n / 20, rng);
  } else if (family == "empty_x") {
    in.y = random_sparse(0, n, n / 5, rng);
  } else {  // single
    in.x = {{0, sym(rng)}};
    in.y = {{0, sym(rng)}};
  }
  prepare(in);
  return in;
}

// A different instance: a new alpha and new values of x (same indices; for `cancel` y follows),
// so a cached z is wrong.
inline void vary(Input& in, parevo::Rng& rng) {
  const bool cancel = !in.x.empty() && in.x.size() == in.y.size() && in.x[0].index == in.y[0].index &&
                      in.y[0].value == -(in.alpha * in.x[0].value);
  in.alpha = sym(rng);
  for (Element& e : in.x) e.value = sym(rng);
  if (cancel)
    for (std::size_t i = 0; i < in.y.size(); ++i) in.y[i].value = -(in.alpha * in.x[i].value);
  prepare(in);
}

inline std::string describe(const Input& in) {
  return "n=" + std::to_string(in.n) + " nnz(x)=" + std::to_string(in.x.size()) + " nnz(y)=" + std::to_string(in.y.size());
}

inline Output invoke(const Input& in) {
  std::vector<double> z;
  if (in.z.size() == in.n) z = std::move(in.z);
  else z.assign(in.n, kSentinel);
  sparseAxpy(in.alpha, in.x, in.y, z);
  return z;
}

inline std::string validate(const Input& in, const Output& out) {
  std::size_t need = 0;
  for (const Element& e : in.x) need = std::max(need, e.index + 1);
  for (const Element& e : in.y) need = std::max(need, e.index + 1);
  if (out.size() < need || out.size() > in.n)
    return "z has " + std::to_string(out.size()) + " elements after the call, expected " + std::to_string(in.n) +
           " (at least " + std::to_string(need) + ")";
  std::vector<double> expected(in.n, 0.0), mag(in.n, 0.0);
  for (const Element& e : in.x) { expected[e.index] += in.alpha * e.value; mag[e.index] += std::abs(in.alpha * e.value); }
  for (const Element& e : in.y) { expected[e.index] += e.value; mag[e.index] += std::abs(e.value); }
  std::size_t wrong = 0, first = 0;
  for (std::size_t i = 0; i < out.size(); ++i)
    if (!(std::abs(out[i] - expected[i]) <= 1e-12 * mag[i]) && !wrong++) first = i;
  if (!wrong) return "";
  return "z[" + std::to_string(first) + "]: expected " + num(expected[first]) + ", got " + num(out[first]) + "; " +
         std::to_string(wrong) + " of " + std::to_string(out.size()) + " wrong";
}

}  // namespace task
