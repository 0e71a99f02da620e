// Harness side of ParEval 53 (5-point 2D Jacobi step) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "parevo/random.hpp"
#include "parevo/output_fill.hpp"
#include "types.hpp"

namespace task {

constexpr double kSentinel = -123456789.0;

// `output` is the output buffer, prepared outside the timed call (the harness copies the Input
// before invoke) and filled with a sentinel, so a candidate that skips a cell fails; invoke
// hands it to the candidate without copying.
struct Input {
  std::vector<double> grid;
  std::size_t N = 1;
  mutable std::vector<double> output;
};
using Output = std::vector<double>;

inline void prepare(Input& in) { in.output.assign(in.N * in.N, parevo::output_fill(kSentinel)); }

inline std::string num(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  static const char* known[] = {"paper", "checkerboard", "constant", "ramp", "wide_range", "two", "single"};
  if (std::find_if(std::begin(known), std::end(known), [&](const char* k) { return family == k; }) == std::end(known))
    throw std::invalid_argument("unknown family '" + family + "'");
  Input in;
  in.N = family == "paper" ? 1024 : family == "two" ? 2 : family == "single" ? 1 : static_cast<std::size_t>(std::max(size, 1LL));
  const std::size_t N = in.N;
  in.grid.resize(N * N);
  const double c = rng.below(2) ? 3.0 : -0.75;
  for (std::size_t i = 0; i < N; ++i)
    for (std::size_t j = 0; j < N; ++j) {
      double v;
      if (family == "checkerboard") v = ((i + j) % 2 ? -1.0 : 1.0) * std::pow(10.0, 200.0 * rng.uniform());
      else if (family == "constant") v = c;
      else if (family == "ramp") v = static_cast<double>(i) - 0.5 * static_cast<double>(j) + rng.uniform() * 1e-3;
      else if (family == "wide_range") v = (rng.below(2) ? 1.0 : -1.0) * std::pow(10.0, -200.0 + 400.0 * rng.uniform());
      else v = rng.uniform() * 200.0 - 100.0;
      in.grid[i * N + j] = v;
    }
  prepare(in);
  return in;
}

// A different grid of the same kind: about 1% of the cells (at least one) change sign and gain 1.
inline void vary(Input& in, parevo::Rng& rng) {
  const std::size_t cells = in.N * in.N;
  const std::size_t k = std::max<std::size_t>(1, cells / 100);
  for (std::size_t t = 0; t < k; ++t) {
    double& v = in.grid[rng.below(cells)];
    v = -v + 1.0;
  }
  prepare(in);
}

inline std::string describe(const Input& in) {
  double hi = 0;
  for (double v : in.grid) hi = std::max(hi, std::abs(v));
  return "N=" + std::to_string(in.N) + " max|x|=" + num(hi);
}

inline Output invoke(const Input& in) {
  std::vector<double> out;
  if (in.output.size() == in.N * in.N) out = std::move(in.output);
  else out.assign(in.N * in.N, kSentinel);
  jacobi2D(in.grid, out, in.N);
  return out;
}

inline std::string validate(const Input& in, const Output& out) {
  const std::size_t N = in.N;
  if (out.size() != N * N)
    return "output has " + std::to_string(out.size()) + " elements after the call, expected N*N = " + std::to_string(N * N);
  auto at = [&](std::size_t i, std::size_t j, long di, long dj) {
    const long r = static_cast<long>(i) + di, c = static_cast<long>(j) + dj, n = static_cast<long>(N);
    return r < 0 || r >= n || c < 0 || c >= n ? 0.0 : in.grid[r * n + c];
  };
  std::size_t wrong = 0, first = 0;
  double first_expected = 0;
  for (std::size_t i = 0; i < N; ++i)
    for (std::size_t j = 0; j < N; ++j) {
      const double t[5] = {at(i, j, 0, -1), at(i, j, 0, 1), at(i, j, -1, 0), at(i, j, 1, 0), at(i, j, 0, 0)};
      const double expected = (t[0] + t[1] + t[2] + t[3] + t[4]) / 5.0;
      double mag = 0;
      for (double v : t) mag += std::abs(v);
      if (!(std::abs(out[i * N + j] - expected) <= 1e-10 * mag) && !wrong++) { first = i * N + j; first_expected = expected; }
    }
  if (!wrong) return "";
  return "cell (" + std::to_string(first / N) + "," + std::to_string(first % N) + "): expected " + num(first_expected) +
         ", got " + num(out[first]) + "; " + std::to_string(wrong) + " of " + std::to_string(N * N) + " wrong";
}

}  // namespace task
