// Harness side of ParEval 49 (LU factorization without pivoting) with parevo's own inputs and a
// validator that accepts any triangular pair whose product is A.
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

void luFactorize(std::vector<COOElement> const& A, std::vector<double> &L, std::vector<double> &U, size_t N);

namespace task {

constexpr double kSentinel = -123456789.0;

// `L` and `U` are the output buffers, prepared outside the timed call (the harness copies the
// Input before invoke) and filled with a sentinel, so a candidate that leaves the zero triangle
// (or anything else) unwritten fails; invoke hands them over without copying.
struct Input {
  std::vector<COOElement> A;
  std::size_t N = 1;
  bool by_columns = false;  // dominant by columns (vary scales columns, not rows)
  mutable std::vector<double> L, U;
};
struct Output {
  std::vector<double> L, U;
};

inline void prepare(Input& in) {
  in.L.assign(in.N * in.N, parevo::output_fill(kSentinel));
  in.U.assign(in.N * in.N, parevo::output_fill(kSentinel));
}

inline std::string num(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

inline double sym(parevo::Rng& rng) { return 2.0 * rng.uniform() - 1.0; }
inline double sign(parevo::Rng& rng) { return rng.below(2) ? 1.0 : -1.0; }

inline void shuffle(std::vector<COOElement>& a, parevo::Rng& rng) {
  for (std::size_t i = a.size(); i > 1; --i) std::swap(a[i - 1], a[rng.below(i)]);
}

// Adds a diagonal entry to every row (by_columns: every column) dominating that row's (column's)
// off-diagonal absolute sum by U[lo, hi].
inline void dominate(Input& in, bool by_columns, double lo, double hi, parevo::Rng& rng) {
  std::vector<double> off(in.N, 0.0);
  for (const COOElement& e : in.A) off[by_columns ? e.column : e.row] += std::abs(e.value);
  for (std::size_t i = 0; i < in.N; ++i) in.A.push_back({i, i, sign(rng) * (off[i] + lo + (hi - lo) * rng.uniform())});
  in.by_columns = by_columns;
}

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  static const char* known[] = {"paper", "dominant", "banded", "arrow", "column_dominant", "diagonal", "single"};
  if (std::find_if(std::begin(known), std::end(known), [&](const char* k) { return family == k; }) == std::end(known))
    throw std::invalid_argument("unknown family '" + family + "'");
  Input in;
  in.N = family == "paper" ? 64 : family == "single" ? 1 : static_cast<std::size_t>(std::max(size, 3LL));
  const std::size_t N = in.N;
  if (family == "paper") {  // 409 distinct random off-diagonal positions, values U[-10, 10]
    const std::size_t nnz = N * N / 10;
    std::vector<std::size_t> pos;
    while (pos.size() < nnz) {
      for (std::size_t t = pos.size(); t < nnz; ++t) {
        const std::size_t p = rng.below(N * N);
        if (p / N != p % N) pos.push_back(p);
      }
      std::sort(pos.begin(), pos.end());
      pos.erase(std::unique(pos.begin(), pos.end()), pos.end());
    }
    for (std::size_t p : pos) in.A.push_back({p / N, p % N, 10.0 * sym(rng)});
    dominate(in, false, 1.0, 10.0, rng);
    std::sort(in.A.begin(), in.A.end(), [](const COOElement& a, const COOElement& b) {
      return a.row != b.row ? a.row < b.row : a.column < b.column;
    });
    return prepare(in), in;
  }
  if (family == "single") {
    in.A = {{0, 0, sign(rng) * (1.0 + 9.0 * rng.uniform())}};
    return prepare(in), in;
  }
  if (family == "dominant" || family == "column_dominant") {
    std::vector<std::size_t> cols;
    for (std::size_t i = 0; i < N; ++i) {
      cols.clear();
      for (int t = 0; t < 8; ++t) {
        const std::size_t c = rng.below(N);
        if (c != i) cols.push_back(c);
      }
      std::sort(cols.begin(), cols.end());
      cols.erase(std::unique(cols.begin(), cols.end()), cols.end());
      for (std::size_t c : cols) in.A.push_back({i, c, sym(rng)});
    }
    // column_dominant: transpose the pattern so columns hold the 8 entries, then dominate
    // columns with a small margin (rows can then outweigh their diagonal).
    if (family == "column_dominant")
      for (COOElement& e : in.A) std::swap(e.row, e.column);
    dominate(in, family == "column_dominant", 0.1, 0.5, rng);
  } else if (family == "banded") {
    for (std::size_t i = 0; i < N; ++i)
      for (std::size_t j = i >= 2 ? i - 2 : 0; j <= std::min(N - 1, i + 2); ++j)
        if (j != i) in.A.push_back({i, j, sym(rng)});
    dominate(in, false, 0.5, 1.5, rng);
  } else if (family == "arrow") {
    for (std::size_t i = 1; i < N; ++i) {
      in.A.push_back({0, i, sym(rng)});
      in.A.push_back({i, 0, sym(rng)});
    }
    dominate(in, false, 1.0, 2.0, rng);
  } else {  // diagonal
    for (std::size_t i = 0; i < N; ++i) in.A.push_back({i, i, sign(rng) * (0.5 + rng.uniform())});
  }
  shuffle(in.A, rng);
  prepare(in);
  return in;
}

// A different instance: every row (for column-dominant matrices, every column) is scaled by a
// random factor in [0.5, 2], which keeps the dominance and changes L and U.
inline void vary(Input& in, parevo::Rng& rng) {
  std::vector<double> s(in.N);
  for (double& v : s) v = std::pow(2.0, 2.0 * rng.uniform() - 1.0);
  for (COOElement& e : in.A) e.value *= s[in.by_columns ? e.column : e.row];
  prepare(in);
}

inline std::string describe(const Input& in) {
  return "N=" + std::to_string(in.N) + " nnz=" + std::to_string(in.A.size());
}

inline Output invoke(const Input& in) {
  Output out;
  const std::size_t NN = in.N * in.N;
  if (in.L.size() == NN && in.U.size() == NN) { out.L = std::move(in.L); out.U = std::move(in.U); }
  else { out.L.assign(NN, kSentinel); out.U.assign(NN, kSentinel); }
  luFactorize(in.A, out.L, out.U, in.N);
  return out;
}

inline std::string validate(const Input& in, const Output& out) {
  const std::size_t N = in.N;
  if (out.L.size() != N * N || out.U.size() != N * N)
    return "L and U have " + std::to_string(out.L.size()) + " and " + std::to_string(out.U.size()) +
           " elements after the call, expected N*N = " + std::to_string(N * N) + " each";
  std::size_t badL = 0, badU = 0, firstL = 0, firstU = 0;
  for (std::size_t i = 0; i < N; ++i)
    for (std::size_t j = 0; j < N; ++j) {
      const double l = out.L[i * N + j], u = out.U[i * N + j];
      if (j > i ? l != 0.0 : !std::isfinite(l)) { if (!badL++) firstL = i * N + j; }
      if (j < i ? u != 0.0 : !std::isfinite(u)) { if (!badU++) firstU = i * N + j; }
    }
  if (badL)
    return "L[" + std::to_string(firstL / N) + "][" + std::to_string(firstL % N) + "] = " + num(out.L[firstL]) +
           (firstL % N > firstL / N ? " above the diagonal (must be 0)" : " (not finite)") + "; " + std::to_string(badL) + " such entries";
  if (badU)
    return "U[" + std::to_string(firstU / N) + "][" + std::to_string(firstU % N) + "] = " + num(out.U[firstU]) +
           (firstU % N < firstU / N ? " below the diagonal (must be 0)" : " (not finite)") + "; " + std::to_string(badU) + " such entries";
  // Freivalds-style check with 3 random sign vectors: (L (U r) - A r) against |L| (|U| |r|).
  parevo::Rng rng(0x5eedULL + N);
  std::vector<double> r(N), ur(N), lur(N), ar(N), ua(N), lua(N);
  for (int trial = 0; trial < 3; ++trial) {
    for (double& v : r) v = (rng.below(2) ? 1.0 : -1.0) * (0.5 + rng.uniform());
    for (std::size_t i = 0; i < N; ++i) {
      double s = 0, m = 0;
      for (std::size_t j = i; j < N; ++j) { s += out.U[i * N + j] * r[j]; m += std::abs(out.U[i * N + j] * r[j]); }
      ur[i] = s;
      ua[i] = m;
    }
    for (std::size_t i = 0; i < N; ++i) {
      double s = 0, m = 0;
      for (std::size_t j = 0; j <= i; ++j) { s += out.L[i * N + j] * ur[j]; m += std::abs(out.L[i * N + j]) * ua[j]; }
      lur[i] = s;
      lua[i] = m;
    }
    std::fill(ar.begin(), ar.end(), 0.0);
    for (const COOElement& e : in.A) ar[e.row] += e.value * r[e.column];
    std::size_t bad = 0, first = 0;
    for (std::size_t i = 0; i < N; ++i)
      if (!(std::abs(lur[i] - ar[i]) <= 1e-10 * lua[i]) && !bad++) first = i;
    if (bad)
      return "L*U differs from A in row " + std::to_string(first) + " (for a random vector r: (L U r) = " + num(lur[first]) +
             ", (A r) = " + num(ar[first]) + "); " + std::to_string(bad) + " of " + std::to_string(N) + " rows differ";
  }
  return "";
}

}  // namespace task
