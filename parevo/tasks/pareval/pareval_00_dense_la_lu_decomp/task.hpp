// Harness side of ParEval 00 (LU factorization without pivoting) with parevo's own inputs and a
// residual-based validator.
#pragma once
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "parevo/random.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::vector<double> A;
  std::size_t N = 1;
};
using Output = std::vector<double>;  // A after the call

inline double unif(parevo::Rng& rng, double lo, double hi) { return lo + (hi - lo) * rng.uniform(); }
inline double sign(parevo::Rng& rng) { return rng.below(2) ? 1.0 : -1.0; }

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
  if (family == "paper") {  // ParEval: fillRand(A, -10, 10)
    for (auto& a : in.A) a = unif(rng, -10, 10);
  } else if (family == "diag_dominant") {
    dominant(in, rng);
  } else if (family == "graded") {  // D1 M D2 with M dominant, scales 1e-4..1e4: condition ~1e16
    dominant(in, rng);
    std::vector<double> d(N), e(N);
    for (auto& x : d) x = std::pow(10.0, unif(rng, -4, 4));
    for (auto& x : e) x = std::pow(10.0, unif(rng, -4, 4));
    for (std::size_t i = 0; i < N; ++i)
      for (std::size_t j = 0; j < N; ++j) in.A[i * N + j] *= d[i] * e[j];
  } else if (family == "tridiagonal") {
    for (std::size_t i = 0; i < N; ++i) {
      in.A[i * N + i] = sign(rng) * unif(rng, 2, 3);
      if (i > 0) in.A[i * N + i - 1] = unif(rng, -1, 1);
      if (i + 1 < N) in.A[i * N + i + 1] = unif(rng, -1, 1);
    }
  } else if (family == "upper") {
    for (std::size_t i = 0; i < N; ++i) {
      in.A[i * N + i] = sign(rng) * unif(rng, 1, 2);
      for (std::size_t j = i + 1; j < N; ++j) in.A[i * N + j] = unif(rng, -1, 1);
    }
  } else if (family == "tiny") {
    in.A[0] = sign(rng) * unif(rng, 0.5, 5);
  } else {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  return in;
}

// Every entry scaled by a random factor in [0.99, 1.01]: zeros and the family's structure stay,
// the factors change.
inline void vary(Input& in, parevo::Rng& rng) {
  for (auto& a : in.A) a *= 1.0 + 0.01 * unif(rng, -1, 1);
}

inline std::string describe(const Input& in) {
  std::size_t nz = 0;
  for (double a : in.A) nz += a != 0.0;
  return "N=" + std::to_string(in.N) + " nonzeros=" + std::to_string(nz);
}

inline Output invoke(const Input& in) {
  Output A = in.A;
  luFactorize(A, in.N);
  return A;
}

inline std::string fmt(double x) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.10g", x);
  return buf;
}

// L U is compared with A through random positive probe vectors v: |(L (U v))_i - (A v)_i| must be
// within 1e-8 (|L| (|U| v) + |A| v)_i, far above the rounding error of any evaluation order
// (~N eps) and far below any real mistake.
inline std::string validate(const Input& in, const Output& out) {
  const std::size_t N = in.N;
  if (out.size() != N * N)
    return "A has " + std::to_string(out.size()) + " elements after the call, expected N*N = " + std::to_string(N * N);
  for (std::size_t k = 0; k < out.size(); ++k)
    if (!std::isfinite(out[k]))
      return "A[" + std::to_string(k / N) + "][" + std::to_string(k % N) + "] is " + fmt(out[k]) + " (not finite)";
  parevo::Rng rng(0x5eedULL + N);
  std::vector<double> v(N), w(N), wa(N), r(N), ra(N);
  for (int probe = 0; probe < 2; ++probe) {
    for (auto& x : v) x = 0.5 + rng.uniform();
    for (std::size_t i = 0; i < N; ++i) {
      double s = 0, sa = 0;
      for (std::size_t j = i; j < N; ++j) { s += out[i * N + j] * v[j]; sa += std::abs(out[i * N + j]) * v[j]; }
      w[i] = s; wa[i] = sa;
    }
    std::size_t bad = 0, first = N;
    for (std::size_t i = 0; i < N; ++i) {
      double s = w[i], sa = wa[i], av = 0, aa = 0;
      for (std::size_t j = 0; j < i; ++j) { s += out[i * N + j] * w[j]; sa += std::abs(out[i * N + j]) * wa[j]; }
      for (std::size_t j = 0; j < N; ++j) { av += in.A[i * N + j] * v[j]; aa += std::abs(in.A[i * N + j]) * v[j]; }
      if (!(std::abs(s - av) <= 1e-8 * (sa + aa) + 1e-300)) { ++bad; if (first == N) first = i; }
    }
    if (bad) {
      // Name the first wrong entry of L U in the first wrong row.
      const std::size_t i = first;
      for (std::size_t j = 0; j < N; ++j) {
        double s = 0, sa = 0;
        for (std::size_t k = 0; k <= std::min(i, j); ++k) {
          const double l = k == i ? 1.0 : out[i * N + k];
          s += l * out[k * N + j];
          sa += std::abs(l * out[k * N + j]);
        }
        const double a = in.A[i * N + j];
        if (!(std::abs(s - a) <= 1e-8 * (sa + std::abs(a)) + 1e-300))
          return "L*U differs from A in " + std::to_string(bad) + " of " + std::to_string(N) + " rows; first at (" +
                 std::to_string(i) + "," + std::to_string(j) + "): (L*U)=" + fmt(s) + " but A=" + fmt(a) +
                 " (L is the unit lower part, U the upper part of the returned A)";
      }
      return "L*U differs from A in " + std::to_string(bad) + " of " + std::to_string(N) + " rows, first row " +
             std::to_string(i) + " (L is the unit lower part, U the upper part of the returned A)";
    }
  }
  return "";
}

}  // namespace task
