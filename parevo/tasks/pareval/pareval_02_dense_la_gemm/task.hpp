// Harness side of ParEval 02 (gemm) with parevo's own shapes and a probe-vector validator.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "parevo/random.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::vector<double> A, B;
  std::size_t M = 1, K = 1, N = 1;
};
using Output = std::vector<double>;  // C after the call

inline double unif(parevo::Rng& rng, double lo, double hi) { return lo + (hi - lo) * rng.uniform(); }

inline void fill(Input& in, parevo::Rng& rng) {
  in.A.resize(in.M * in.K);
  in.B.resize(in.K * in.N);
  for (auto& a : in.A) a = unif(rng, -1, 1);
  for (auto& b : in.B) b = unif(rng, -1, 1);
}

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  Input in;
  const std::size_t n = static_cast<std::size_t>(std::max(size, 4LL));
  if (family == "paper") {  // ParEval: TEST_SIZE = 1024 square, fillRand(-1, 1)
    in.M = in.K = in.N = n < 64 ? n : 1024;
  } else if (family == "square") {
    in.M = in.K = in.N = n;
  } else if (family == "tall") {
    in.M = 16 * n; in.K = n / 4; in.N = n / 4;
  } else if (family == "inner") {
    in.M = n / 4; in.K = 16 * n; in.N = n / 4;
  } else if (family == "single_row") {
    in.M = 1; in.K = n; in.N = n;
  } else if (family == "tiny") {
    in.M = in.K = in.N = 1;
  } else {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  fill(in, rng);
  return in;
}

// New random A and B of the same shape (O(MK + KN), against O(MKN) for the product).
inline void vary(Input& in, parevo::Rng& rng) { fill(in, rng); }

inline std::string describe(const Input& in) {
  return "M=" + std::to_string(in.M) + " K=" + std::to_string(in.K) + " N=" + std::to_string(in.N);
}

inline Output invoke(const Input& in) {
  Output C(in.M * in.N, 0.0);  // ParEval's harness zero-fills C before every call
  gemm(in.A, in.B, C, in.M, in.K, in.N);
  return C;
}

inline std::string fmt(double x) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.10g", x);
  return buf;
}

// C v against A (B v) for random positive v: |(C v - A (B v))_i| <= 1e-9 (|A| (|B| v) + |C| v)_i.
inline std::string validate(const Input& in, const Output& C) {
  const std::size_t M = in.M, K = in.K, N = in.N;
  if (C.size() != M * N) return "C has " + std::to_string(C.size()) + " elements, expected M*N = " + std::to_string(M * N);
  for (std::size_t t = 0; t < C.size(); ++t)
    if (!std::isfinite(C[t])) return "C[" + std::to_string(t / N) + "][" + std::to_string(t % N) + "] is " + fmt(C[t]) + " (not finite)";
  parevo::Rng rng(0xc0ffeeULL + M * 31 + N);
  std::vector<double> v(N), w(K), wa(K);
  for (auto& x : v) x = 0.5 + rng.uniform();
  for (std::size_t k = 0; k < K; ++k) {
    double s = 0, sa = 0;
    for (std::size_t j = 0; j < N; ++j) { s += in.B[k * N + j] * v[j]; sa += std::abs(in.B[k * N + j]) * v[j]; }
    w[k] = s; wa[k] = sa;
  }
  std::size_t bad = 0, first = M;
  for (std::size_t i = 0; i < M; ++i) {
    double e = 0, ea = 0, c = 0, ca = 0;
    for (std::size_t k = 0; k < K; ++k) { e += in.A[i * K + k] * w[k]; ea += std::abs(in.A[i * K + k]) * wa[k]; }
    for (std::size_t j = 0; j < N; ++j) { c += C[i * N + j] * v[j]; ca += std::abs(C[i * N + j]) * v[j]; }
    if (!(std::abs(c - e) <= 1e-9 * (ea + ca) + 1e-300)) { ++bad; if (first == M) first = i; }
  }
  if (!bad) return "";
  const std::size_t i = first;
  for (std::size_t j = 0; j < N; ++j) {
    double s = 0, sa = 0;
    for (std::size_t k = 0; k < K; ++k) { s += in.A[i * K + k] * in.B[k * N + j]; sa += std::abs(in.A[i * K + k] * in.B[k * N + j]); }
    if (!(std::abs(C[i * N + j] - s) <= 1e-9 * (sa + std::abs(C[i * N + j])) + 1e-300))
      return std::to_string(bad) + " of " + std::to_string(M) + " rows of C are wrong; first C[" + std::to_string(i) + "][" +
             std::to_string(j) + "] = " + fmt(C[i * N + j]) + ", expected " + fmt(s);
  }
  return std::to_string(bad) + " of " + std::to_string(M) + " rows of C are wrong, first row " + std::to_string(i);
}

}  // namespace task
