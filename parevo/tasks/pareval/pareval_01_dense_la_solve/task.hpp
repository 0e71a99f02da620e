// Harness side of ParEval 01 (dense linear solve) with parevo's own inputs and a residual-based
// (backward error) validator.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>
#include <string>

#include "parevo/random.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::vector<double> A, b;
  std::size_t N = 1;
};
using Output = std::vector<double>;  // x after the call

inline double unif(parevo::Rng& rng, double lo, double hi) { return lo + (hi - lo) * rng.uniform(); }
inline double sign(parevo::Rng& rng) { return rng.below(2) ? 1.0 : -1.0; }

// b = A x for a fresh random solution x.
inline void new_rhs(Input& in, parevo::Rng& rng) {
  const std::size_t N = in.N;
  std::vector<double> x(N);
  for (auto& v : x) v = unif(rng, -10, 10);
  in.b.assign(N, 0.0);
  for (std::size_t i = 0; i < N; ++i) {
    double s = 0;
    for (std::size_t j = 0; j < N; ++j) s += in.A[i * N + j] * x[j];
    in.b[i] = s;
  }
}

inline void dominant(Input& in, parevo::Rng& rng) {
  const std::size_t N = in.N;
  for (std::size_t i = 0; i < N; ++i) {
    double s = 0;
    for (std::size_t j = 0; j < N; ++j)
      if (j != i) { in.A[i * N + j] = unif(rng, -1, 1); s += std::abs(in.A[i * N + j]); }
    in.A[i * N + i] = sign(rng) * (s + 1.0);
  }
}

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  Input in;
  const std::size_t n = static_cast<std::size_t>(std::max(size, 1LL));
  in.N = family == "tiny" ? 1 : family == "paper" ? (n < 64 ? n : 512) : n;
  const std::size_t N = in.N;
  in.A.assign(N * N, 0.0);
  if (family == "paper") {  // ParEval: fillRand(A, -10, 10), fillRand(x, -10, 10), b = A x
    for (auto& a : in.A) a = unif(rng, -10, 10);
  } else if (family == "diag_dominant") {
    dominant(in, rng);
  } else if (family == "needs_pivoting") {
    // D + S (|d| in [1, 2], three noise entries of at most 0.3 per row: dominant, well
    // conditioned), rows then permuted so the diagonal is mostly zero.
    std::vector<double> M(N * N, 0.0);
    for (std::size_t i = 0; i < N; ++i) {
      M[i * N + i] = sign(rng) * unif(rng, 1, 2);
      for (int t = 0; t < 3 && N > 1; ++t) {
        std::size_t j = rng.below(N);
        if (j != i) M[i * N + j] = unif(rng, -0.3, 0.3);
      }
    }
    const auto perm = parevo::random_permutation<std::size_t>(N, rng);
    for (std::size_t i = 0; i < N; ++i)
      std::copy(M.begin() + perm[i] * N, M.begin() + perm[i] * N + N, in.A.begin() + i * N);
  } else if (family == "graded") {  // D1 M D2 with M dominant, scales 1e-4..1e4: condition ~1e16
    dominant(in, rng);
    std::vector<double> d(N), e(N);
    for (auto& x : d) x = std::pow(10.0, unif(rng, -4, 4));
    for (auto& x : e) x = std::pow(10.0, unif(rng, -4, 4));
    for (std::size_t i = 0; i < N; ++i)
      for (std::size_t j = 0; j < N; ++j) in.A[i * N + j] *= d[i] * e[j];
  } else if (family == "tiny") {
    in.A[0] = sign(rng) * unif(rng, 0.5, 5);
  } else {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  new_rhs(in, rng);
  return in;
}

// A new right-hand side (a new random solution).
inline void vary(Input& in, parevo::Rng& rng) { new_rhs(in, rng); }

inline std::string describe(const Input& in) {
  std::size_t zero_diag = 0;
  for (std::size_t i = 0; i < in.N; ++i) zero_diag += in.A[i * in.N + i] == 0.0;
  return "N=" + std::to_string(in.N) + " zero_diagonal=" + std::to_string(zero_diag);
}

inline Output invoke(const Input& in) {
  Output x(in.N, std::numeric_limits<double>::quiet_NaN());  // must be overwritten
  solveLinearSystem(in.A, in.b, x, in.N);
  return x;
}

inline std::string fmt(double x) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.10g", x);
  return buf;
}

inline std::string validate(const Input& in, const Output& x) {
  const std::size_t N = in.N;
  if (x.size() != N) return "x has " + std::to_string(x.size()) + " elements, expected " + std::to_string(N);
  double xn = 0, bn = 0, an = 0;
  for (std::size_t i = 0; i < N; ++i) {
    if (!std::isfinite(x[i])) return "x[" + std::to_string(i) + "] is " + fmt(x[i]) + " (not finite)";
    xn = std::max(xn, std::abs(x[i]));
    bn = std::max(bn, std::abs(in.b[i]));
    double s = 0;
    for (std::size_t j = 0; j < N; ++j) s += std::abs(in.A[i * N + j]);
    an = std::max(an, s);
  }
  const double tol = 1e-8 * (an * xn + bn) + 1e-300;
  std::size_t bad = 0, worst = 0;
  double worst_r = -1;
  for (std::size_t i = 0; i < N; ++i) {
    double s = 0;
    for (std::size_t j = 0; j < N; ++j) s += in.A[i * N + j] * x[j];
    const double r = std::abs(in.b[i] - s);
    if (r > tol) ++bad;
    if (r > worst_r) { worst_r = r; worst = i; }
  }
  if (!bad) return "";
  return "residual b - A x too large in " + std::to_string(bad) + " of " + std::to_string(N) + " rows; worst row " +
         std::to_string(worst) + ": |b - A x| = " + fmt(worst_r) + " > " + fmt(tol) +
         " (1e-8 * (||A||_inf ||x||_inf + ||b||_inf))";
}

}  // namespace task
