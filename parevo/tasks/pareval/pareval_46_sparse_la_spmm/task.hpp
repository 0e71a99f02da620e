// Harness side of ParEval 46 (sparse x sparse -> dense matrix product) with parevo's own inputs
// and validator.
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
struct COOElement {
   size_t row, column;
   double value;
};

void spmm(std::vector<COOElement> const& A, std::vector<COOElement> const& X, std::vector<double> &Y, size_t M, size_t K, size_t N);

namespace task {

constexpr double kSentinel = -123456789.0;

// `Y` is the output buffer, prepared outside the timed call (the harness copies the Input
// before invoke) and filled with a sentinel, so a candidate that skips an element (or adds to
// it) fails; invoke hands it to the candidate without copying.
struct Input {
  std::vector<COOElement> A, X;
  std::size_t M = 1, K = 1, N = 1;
  mutable std::vector<double> Y;
};
using Output = std::vector<double>;

inline void prepare(Input& in) { in.Y.assign(in.M * in.N, parevo::output_fill(kSentinel)); }

inline std::string num(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

inline double sym(parevo::Rng& rng) { return 2.0 * rng.uniform() - 1.0; }

// `nnz` distinct random positions of a rows x cols matrix, sorted by (row, column).
inline std::vector<COOElement> random_positions(std::size_t rows, std::size_t cols, std::size_t nnz, parevo::Rng& rng) {
  nnz = std::min(nnz, rows * cols);
  std::vector<std::size_t> pos;
  while (pos.size() < nnz) {
    for (std::size_t t = pos.size(); t < nnz; ++t) pos.push_back(rng.below(rows * cols));
    std::sort(pos.begin(), pos.end());
    pos.erase(std::unique(pos.begin(), pos.end()), pos.end());
  }
  std::vector<COOElement> out;
  out.reserve(pos.size());
  for (std::size_t p : pos) out.push_back({p / cols, p % cols, sym(rng)});
  return out;
}

// Row r of a rows x cols matrix gets about len(r) distinct random columns.
template <class Len>
std::vector<COOElement> by_rows(std::size_t rows, std::size_t cols, Len len, parevo::Rng& rng) {
  std::vector<COOElement> out;
  std::vector<std::size_t> c;
  for (std::size_t r = 0; r < rows; ++r) {
    const std::size_t k = std::min<std::size_t>(len(r), cols);
    c.clear();
    for (std::size_t t = 0; t < k; ++t) c.push_back(rng.below(cols));
    std::sort(c.begin(), c.end());
    c.erase(std::unique(c.begin(), c.end()), c.end());
    for (std::size_t col : c) out.push_back({r, col, sym(rng)});
  }
  return out;
}

inline void shuffle(std::vector<COOElement>& a, parevo::Rng& rng) {
  for (std::size_t i = a.size(); i > 1; --i) std::swap(a[i - 1], a[rng.below(i)]);
}

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  static const char* known[] = {"paper", "shape", "powerlaw", "empty_rows", "outer", "hypersparse", "single"};
  if (std::find_if(std::begin(known), std::end(known), [&](const char* k) { return family == k; }) == std::end(known))
    throw std::invalid_argument("unknown family '" + family + "'");
  const std::size_t m = static_cast<std::size_t>(std::max(size, 4LL));
  Input in;
  if (family == "paper") {
    in.M = in.K = in.N = 128;
    in.A = random_positions(128, 128, 1638, rng);
    in.X = random_positions(128, 128, 1638, rng);
  } else if (family == "single") {
    in.A = {{0, 0, sym(rng)}};
    in.X = {{0, 0, sym(rng)}};
  } else {
    in.M = m;
    in.K = m / 4;
    in.N = m / 2;
    if (family == "shape") {
      in.A = random_positions(in.M, in.K, in.M * in.K / 10, rng);
      in.X = random_positions(in.K, in.N, in.K * in.N / 10, rng);
    } else if (family == "powerlaw") {
      in.A = by_rows(in.M, in.K, [&](std::size_t) { return static_cast<std::size_t>(4.0 * std::pow(1.0 - rng.uniform(), -1.0 / 1.2)); }, rng);
      in.X = random_positions(in.K, in.N, in.K * in.N / 10, rng);
    } else if (family == "empty_rows") {
      in.A = by_rows(in.M, in.K, [&](std::size_t) -> std::size_t { return rng.below(10) == 0 ? in.K / 4 + 1 : 0; }, rng);
      in.X = random_positions(in.K, in.N, in.K * in.N / 10, rng);
    } else if (family == "outer") {
      in.K = 1;
      in.A = by_rows(in.M, 1, [&](std::size_t) -> std::size_t { return rng.below(4) != 0; }, rng);
      in.X = by_rows(1, in.N, [&](std::size_t) { return in.N; }, rng);
    } else {  // hypersparse
      in.A = random_positions(in.M, in.K, in.M, rng);
      in.X = random_positions(in.K, in.N, in.K, rng);
    }
    shuffle(in.A, rng);
    shuffle(in.X, rng);
  }
  prepare(in);
  return in;
}

// A different instance: new values for A's entries (same positions), so a cached Y is wrong.
inline void vary(Input& in, parevo::Rng& rng) {
  for (COOElement& e : in.A) e.value = sym(rng);
  prepare(in);
}

inline std::string describe(const Input& in) {
  return "M=" + std::to_string(in.M) + " K=" + std::to_string(in.K) + " N=" + std::to_string(in.N) +
         " nnz(A)=" + std::to_string(in.A.size()) + " nnz(X)=" + std::to_string(in.X.size());
}

inline Output invoke(const Input& in) {
  std::vector<double> Y;
  if (in.Y.size() == in.M * in.N) Y = std::move(in.Y);
  else Y.assign(in.M * in.N, kSentinel);
  spmm(in.A, in.X, Y, in.M, in.K, in.N);
  return Y;
}

inline std::string validate(const Input& in, const Output& out) {
  const std::size_t M = in.M, K = in.K, N = in.N;
  if (out.size() != M * N)
    return "Y has " + std::to_string(out.size()) + " elements after the call, expected M*N = " + std::to_string(M * N);
  // X's rows as lists, then Y and the magnitude of its terms row by row from A's entries.
  std::vector<std::size_t> start(K + 1, 0);
  for (const COOElement& e : in.X) ++start[e.row + 1];
  for (std::size_t k = 0; k < K; ++k) start[k + 1] += start[k];
  std::vector<std::size_t> fill(start.begin(), start.end() - 1);
  std::vector<const COOElement*> xrow(in.X.size());
  for (const COOElement& e : in.X) xrow[fill[e.row]++] = &e;
  std::vector<double> y(M * N, 0.0), mag(M * N, 0.0);
  for (const COOElement& a : in.A)
    for (std::size_t t = start[a.column]; t < start[a.column + 1]; ++t) {
      const double p = a.value * xrow[t]->value;
      y[a.row * N + xrow[t]->column] += p;
      mag[a.row * N + xrow[t]->column] += std::abs(p);
    }
  std::size_t wrong = 0, first = 0;
  for (std::size_t i = 0; i < M * N; ++i)
    if (!(std::abs(out[i] - y[i]) <= 1e-9 * mag[i]) && !wrong++) first = i;
  if (!wrong) return "";
  return "Y[" + std::to_string(first / N) + "][" + std::to_string(first % N) + "]: expected " + num(y[first]) + ", got " +
         num(out[first]) + "; " + std::to_string(wrong) + " of " + std::to_string(M * N) + " wrong";
}

}  // namespace task
