// Harness side of ParEval 04 (gemv) with parevo's own shapes and validator.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>
#include <string>

#include "parevo/random.hpp"
#include "parevo/output_fill.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::vector<double> A, x;
  std::size_t M = 1, N = 1;
  // The output buffer, NaN-filled, made with the input so that its allocation and first touch
  // happen in the harness's untimed copy; invoke moves it out.
  mutable std::vector<double> y;
};
using Output = std::vector<double>;  // y after the call

inline double unif(parevo::Rng& rng, double lo, double hi) { return lo + (hi - lo) * rng.uniform(); }

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  Input in;
  const std::size_t n = static_cast<std::size_t>(std::max(size, 16LL));
  if (family == "paper") { in.M = in.N = 1024; }  // ParEval: TEST_SIZE = 1024, fillRand(-10, 10)
  else if (family == "square") { in.M = in.N = n; }
  else if (family == "tall") { in.M = 16 * n; in.N = n / 16; }
  else if (family == "wide") { in.M = n / 16; in.N = 16 * n; }
  else if (family == "single_row") { in.M = 1; in.N = n * n; }
  else if (family == "tiny") { in.M = in.N = 1; }
  else throw std::invalid_argument("unknown family '" + family + "'");
  in.A.resize(in.M * in.N);
  in.x.resize(in.N);
  for (auto& a : in.A) a = unif(rng, -10, 10);
  for (auto& v : in.x) v = unif(rng, -10, 10);
  in.y.assign(in.M, parevo::output_fill(std::numeric_limits<double>::quiet_NaN()));
  return in;
}

// A new random x.
inline void vary(Input& in, parevo::Rng& rng) {
  for (auto& v : in.x) v = unif(rng, -10, 10);
}

inline std::string describe(const Input& in) { return "M=" + std::to_string(in.M) + " N=" + std::to_string(in.N); }

inline Output invoke(const Input& in) {
  Output y = std::move(in.y);
  if (y.size() != in.M) y.assign(in.M, std::numeric_limits<double>::quiet_NaN());
  gemv(in.A, in.x, y, in.M, in.N);
  return y;
}

inline std::string fmt(double x) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.12g", x);
  return buf;
}

inline std::string validate(const Input& in, const Output& y) {
  const std::size_t M = in.M, N = in.N;
  if (y.size() != M) return "y has " + std::to_string(y.size()) + " elements, expected M = " + std::to_string(M);
  std::size_t bad = 0, first = M;
  double first_e = 0;
  for (std::size_t i = 0; i < M; ++i) {
    const double* row = in.A.data() + i * N;
    double s = 0, sa = 0;
    for (std::size_t j = 0; j < N; ++j) { s += row[j] * in.x[j]; sa += std::abs(row[j] * in.x[j]); }
    if (!(std::abs(y[i] - s) <= 1e-10 * sa + 1e-300)) { if (!bad) { first = i; first_e = s; } ++bad; }
  }
  if (!bad) return "";
  return std::to_string(bad) + " of " + std::to_string(M) + " elements wrong; first y[" + std::to_string(first) + "] = " +
         fmt(y[first]) + ", expected " + fmt(first_e);
}

}  // namespace task
