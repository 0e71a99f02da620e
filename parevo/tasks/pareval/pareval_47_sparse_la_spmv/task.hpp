// Harness side of ParEval 47 (COO SpMV, y = alpha*A*x + beta*y) with parevo's own inputs and
// validator.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "parevo/random.hpp"
#include "types.hpp"

// Exactly as in the prompt (the candidate's copy is the one compiled with its code).
struct COOElement {
   size_t row, column;
   double value;
};

void spmv(double alpha, std::vector<COOElement> const& A, std::vector<double> const& x, double beta, std::vector<double> &y, size_t M, size_t N);

namespace task {

// `y0` is y before the call (the validator reads it); `work` is a copy of it prepared outside
// the timed call (the harness copies the Input before invoke), handed to the candidate without
// copying.
struct Input {
  double alpha = 1, beta = 1;
  std::vector<COOElement> A;
  std::vector<double> x, y0;
  std::size_t M = 1, N = 1;
  mutable std::vector<double> work;
};
using Output = std::vector<double>;

inline void prepare(Input& in) { in.work = in.y0; }

inline std::string num(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

inline double sym(parevo::Rng& rng) { return 2.0 * rng.uniform() - 1.0; }

// Row `r` gets `k` distinct random columns (k <= N) with random values.
inline void add_row(Input& in, std::size_t r, std::size_t k, parevo::Rng& rng) {
  std::vector<std::size_t> cols;
  k = std::min(k, in.N);
  if (k * 4 >= in.N) {
    for (std::size_t c = 0; c < in.N; ++c)
      if (rng.below(in.N) < k) cols.push_back(c);
  } else {
    for (std::size_t t = 0; t < k; ++t) cols.push_back(rng.below(in.N));
    std::sort(cols.begin(), cols.end());
    cols.erase(std::unique(cols.begin(), cols.end()), cols.end());
  }
  for (std::size_t c : cols) in.A.push_back({r, c, sym(rng)});
}

inline void shuffle(std::vector<COOElement>& a, parevo::Rng& rng) {
  for (std::size_t i = a.size(); i > 1; --i) std::swap(a[i - 1], a[rng.below(i)]);
}

inline void redraw_vectors(Input& in, parevo::Rng& rng) {
  in.alpha = sym(rng);
  in.beta = sym(rng);
  in.x.resize(in.N);
  in.y0.resize(in.M);
  for (double& v : in.x) v = sym(rng);
  for (double& v : in.y0) v = sym(rng);
}

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  static const char* known[] = {"paper", "uniform", "powerlaw", "empty_rows", "dense_row", "tall", "wide", "zero_matrix", "single"};
  if (std::find_if(std::begin(known), std::end(known), [&](const char* k) { return family == k; }) == std::end(known))
    throw std::invalid_argument("unknown family '" + family + "'");
  const std::size_t n = static_cast<std::size_t>(std::max(size, 1LL));
  Input in;
  in.M = in.N = n;
  if (family == "paper") in.M = in.N = 128;
  else if (family == "single") in.M = in.N = 1;
  else if (family == "tall") in.N = std::max<std::size_t>(1, n / 64);
  else if (family == "wide") in.M = std::max<std::size_t>(1, n / 64);
  if (family == "paper") {  // 1638 distinct random positions, sorted by (row, column)
    const std::size_t nnz = in.M * in.N / 10;
    std::vector<std::size_t> pos;
    while (pos.size() < nnz) {
      for (std::size_t t = pos.size(); t < nnz; ++t) pos.push_back(rng.below(in.M * in.N));
      std::sort(pos.begin(), pos.end());
      pos.erase(std::unique(pos.begin(), pos.end()), pos.end());
    }
    for (std::size_t p : pos) in.A.push_back({p / in.N, p % in.N, sym(rng)});
  } else if (family == "single") {
    in.A.push_back({0, 0, sym(rng)});
  } else if (family != "zero_matrix") {
    for (std::size_t r = 0; r < in.M; ++r) {
      std::size_t k = 0;
      if (family == "uniform") k = 8 + rng.below(9);
      else if (family == "powerlaw") k = static_cast<std::size_t>(2.0 * std::pow(1.0 - rng.uniform(), -1.0 / 1.2));
      else if (family == "empty_rows") k = rng.below(10) == 0 ? 20 + rng.below(40) : 0;
      else if (family == "dense_row") k = r == in.M / 3 ? in.N : rng.below(4);
      else if (family == "tall") k = 1 + rng.below(std::min<std::size_t>(in.N, 8));
      else if (family == "wide") k = 8 * 64 + rng.below(8 * 64);
      if (k) add_row(in, r, k, rng);
    }
    shuffle(in.A, rng);
  }
  redraw_vectors(in, rng);
  prepare(in);
  return in;
}

// A different instance: new x, y, alpha and beta (the matrix stays), so a cached y is wrong.
inline void vary(Input& in, parevo::Rng& rng) {
  redraw_vectors(in, rng);
  prepare(in);
}

inline std::string describe(const Input& in) {
  return "M=" + std::to_string(in.M) + " N=" + std::to_string(in.N) + " nnz=" + std::to_string(in.A.size());
}

inline Output invoke(const Input& in) {
  std::vector<double> y = in.work.size() == in.y0.size() ? std::move(in.work) : in.y0;
  spmv(in.alpha, in.A, in.x, in.beta, y, in.M, in.N);
  return y;
}

inline std::string validate(const Input& in, const Output& out) {
  if (out.size() != in.M)
    return "y has " + std::to_string(out.size()) + " elements after the call, expected M = " + std::to_string(in.M);
  std::vector<double> sum(in.M, 0.0), mag(in.M, 0.0);
  for (const COOElement& e : in.A) {
    sum[e.row] += e.value * in.x[e.column];
    mag[e.row] += std::abs(e.value * in.x[e.column]);
  }
  std::size_t wrong = 0, first = 0;
  double first_expected = 0;
  for (std::size_t i = 0; i < in.M; ++i) {
    const double expected = in.alpha * sum[i] + in.beta * in.y0[i];
    const double tol = 1e-9 * (std::abs(in.beta * in.y0[i]) + std::abs(in.alpha) * mag[i]);
    if (!(std::abs(out[i] - expected) <= tol) && !wrong++) { first = i; first_expected = expected; }
  }
  if (!wrong) return "";
  return "y[" + std::to_string(first) + "]: expected " + num(first_expected) + ", got " + num(out[first]) + "; " +
         std::to_string(wrong) + " of " + std::to_string(in.M) + " wrong";
}

}  // namespace task
