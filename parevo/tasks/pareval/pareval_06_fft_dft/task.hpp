// Harness side of ParEval 06 (DFT of a real signal) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdio>
#include <limits>
#include <stdexcept>
#include <string>

#include "parevo/random.hpp"
#include "parevo/output_fill.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::vector<double> x;
  // The output buffer, NaN-filled, made with the input; invoke moves it out.
  mutable std::vector<std::complex<double>> output;
};
using Output = std::vector<std::complex<double>>;

inline double unif(parevo::Rng& rng, double lo, double hi) { return lo + (hi - lo) * rng.uniform(); }

inline std::size_t prime_at_most(std::size_t n) {
  for (std::size_t p = std::max<std::size_t>(n, 2);; --p) {
    bool prime = true;
    for (std::size_t d = 2; d * d <= p; ++d)
      if (p % d == 0) { prime = false; break; }
    if (prime) return p;
  }
}

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  Input in;
  const std::size_t n = static_cast<std::size_t>(std::max(size, 2LL));
  const std::size_t N = family == "paper" ? 1024 : family == "tiny" ? 1 : family == "prime" ? prime_at_most(n) : n;
  auto& x = in.x;
  x.assign(N, 0.0);
  if (family == "paper" || family == "uniform" || family == "prime" || family == "tiny") {  // ParEval: fillRand(-1, 1)
    for (auto& v : x) v = unif(rng, -1, 1);
  } else if (family == "impulse") {
    x[rng.below(N)] = unif(rng, 0.5, 2);
  } else if (family == "constant") {
    const double c = unif(rng, -1, 1);
    for (auto& v : x) v = c;
  } else if (family == "alternating") {
    const double c = unif(rng, 0.5, 2);
    for (std::size_t i = 0; i < N; ++i) x[i] = i % 2 ? -c : c;
  } else if (family == "tone") {
    const std::size_t f = rng.below(N);
    const double amp = unif(rng, 0.5, 2), ph = unif(rng, 0, 6.283185307179586);
    for (std::size_t i = 0; i < N; ++i) x[i] = amp * std::cos(ph + 6.283185307179586 * static_cast<double>((f * i) % N) / N);
  } else if (family == "skew") {
    for (auto& v : x) v = (rng.below(2) ? 1 : -1) * std::pow(10.0, unif(rng, -8, 8));
  } else {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  in.output.assign(N, parevo::output_fill(std::complex<double>(nan, nan)));
  return in;
}

// Scaled by a random real factor and circularly shifted, O(N).
inline void vary(Input& in, parevo::Rng& rng) {
  const std::size_t N = in.x.size();
  const double s = (rng.below(2) ? 1 : -1) * unif(rng, 0.5, 2);
  const std::size_t r = N > 1 ? 1 + rng.below(N - 1) : 0;
  std::rotate(in.x.begin(), in.x.begin() + r, in.x.end());
  for (auto& v : in.x) v *= s;
  if (N == 1) in.x[0] *= 1.5;
}

inline std::string describe(const Input& in) {
  std::size_t nz = 0;
  for (double v : in.x) nz += v != 0.0;
  return "N=" + std::to_string(in.x.size()) + " nonzeros=" + std::to_string(nz);
}

inline Output invoke(const Input& in) {
  Output out = std::move(in.output);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  if (out.size() != in.x.size()) out.assign(in.x.size(), {nan, nan});
  dft(in.x, out);
  return out;
}

inline std::string fmt(std::complex<double> z) {
  char buf[80];
  std::snprintf(buf, sizeof buf, "(%.10g, %.10g)", z.real(), z.imag());
  return buf;
}

// Element k is right when |got - expected| <= 1e-9 * sum_n |x[n]|; the expected values come from
// the O(N^2) sum with an exact table of roots of unity.
inline std::string validate(const Input& in, const Output& out) {
  const std::size_t N = in.x.size();
  if (out.size() != N) return "output has " + std::to_string(out.size()) + " elements, expected " + std::to_string(N);
  std::vector<double> c(N), s(N);
  double l1 = 0;
  for (std::size_t m = 0; m < N; ++m) {
    const double a = -6.283185307179586476925 * static_cast<double>(m) / static_cast<double>(N);
    c[m] = std::cos(a);
    s[m] = std::sin(a);
    l1 += std::abs(in.x[m]);
  }
  const double tol = 1e-9 * l1 + 1e-300;
  // ParEval's prompt states no sign and its example shows the e^{+2 pi i kn/N} transform, which
  // for a real x is conj(X): either convention is accepted, for the whole output.
  std::size_t bad[2] = {0, 0}, first[2] = {N, N};
  std::complex<double> first_e[2];
  for (std::size_t k = 0; k < N; ++k) {
    double re = 0, im = 0;
    std::size_t idx = 0;
    for (std::size_t n = 0; n < N; ++n) {
      re += in.x[n] * c[idx];
      im += in.x[n] * s[idx];
      idx += k;
      if (idx >= N) idx -= N;
    }
    const std::complex<double> want[2] = {{re, im}, {re, -im}};
    for (int v = 0; v < 2; ++v)
      if (!(std::abs(out[k] - want[v]) <= tol)) {
        if (!bad[v]) { first[v] = k; first_e[v] = want[v]; }
        ++bad[v];
      }
  }
  if (!bad[0] || !bad[1]) return "";
  return std::to_string(bad[0]) + " of " + std::to_string(N) + " outputs wrong; first output[" + std::to_string(first[0]) +
         "] = " + fmt(out[first[0]]) + ", expected " + fmt(first_e[0]) +
         " (the e^{+i} convention of ParEval's example, conj(X), is not matched either)";
}

}  // namespace task
