// Shared by the ParEval FFT tasks (05, 07, 08, 09): their input families (power-of-two
// signals), the reference transform and the tolerant comparison. Harness side only.
#pragma once
#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdio>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "parevo/random.hpp"

namespace task {

inline double unif(parevo::Rng& rng, double lo, double hi) { return lo + (hi - lo) * rng.uniform(); }

inline std::size_t pow2_at_most(long long size) {
  std::size_t n = 1;
  while (static_cast<long long>(n * 2) <= size) n *= 2;
  return n;
}

// The input families, all of power-of-two length as the prompt requires.
inline std::vector<std::complex<double>> make_signal(const std::string& family, long long size, parevo::Rng& rng) {
  const std::size_t N = family == "paper" ? 1024 : family == "tiny" ? 1 : pow2_at_most(size);
  std::vector<std::complex<double>> x(N);
  if (family == "paper" || family == "uniform" || family == "tiny") {  // ParEval: fillRand(real/imag, -1, 1)
    for (auto& v : x) { const double re = unif(rng, -1, 1); v = {re, unif(rng, -1, 1)}; }
  } else if (family == "impulse") {  // one nonzero sample: the transform is a pure phase ramp
    x[rng.below(N)] = {unif(rng, 0.5, 2), unif(rng, -1, 1)};
  } else if (family == "constant") {  // all equal: the transform is a single spike at 0
    const std::complex<double> c(unif(rng, -1, 1), unif(rng, -1, 1));
    for (auto& v : x) v = c;
  } else if (family == "real_only") {  // imaginary parts zero: a conjugate-symmetric transform
    for (auto& v : x) v = {unif(rng, -1, 1), 0.0};
  } else if (family == "tone") {  // a pure tone at a random frequency: a single spike elsewhere
    const std::size_t f = rng.below(N);
    const double amp = unif(rng, 0.5, 2), ph = unif(rng, 0, 6.283185307179586);
    for (std::size_t n = 0; n < N; ++n) x[n] = std::polar(amp, ph + 6.283185307179586 * static_cast<double>((f * n) % N) / N);
  } else if (family == "skew") {  // magnitudes over 16 decades
    for (auto& v : x) v = std::polar(std::pow(10.0, unif(rng, -8, 8)), unif(rng, 0, 6.283185307179586));
  } else {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  return x;
}

// A different instance: scaled by a random complex number and circularly shifted, O(N).
inline void vary_signal(std::vector<std::complex<double>>& x, parevo::Rng& rng) {
  const std::size_t N = x.size();
  const std::complex<double> s = std::polar(unif(rng, 0.5, 2), unif(rng, 0.3, 6.0));
  const std::size_t r = N > 1 ? 1 + rng.below(N - 1) : 0;
  std::rotate(x.begin(), x.begin() + r, x.end());
  for (auto& v : x) v *= s;
}

// The validator's own transform: iterative radix-2 with an exact twiddle table, in double.
// sign = -1: forward (X[k] = sum x[n] e^{-2 pi i k n / N}); +1: the unscaled inverse.
inline std::vector<std::complex<double>> reference_dft(std::vector<std::complex<double>> a, int sign) {
  const std::size_t N = a.size();
  for (std::size_t i = 1, j = 0; i < N; ++i) {
    std::size_t bit = N >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) std::swap(a[i], a[j]);
  }
  std::vector<std::complex<double>> w(N / 2 + 1);
  for (std::size_t k = 0; k < N / 2; ++k) w[k] = std::polar(1.0, sign * 6.283185307179586476925 * static_cast<double>(k) / N);
  for (std::size_t len = 2; len <= N; len <<= 1) {
    const std::size_t half = len / 2, step = N / len;
    for (std::size_t i = 0; i < N; i += len)
      for (std::size_t j = 0; j < half; ++j) {
        const std::complex<double> t = w[j * step] * a[i + j + half];
        a[i + j + half] = a[i + j] - t;
        a[i + j] += t;
      }
  }
  return a;
}

inline std::string fmt(std::complex<double> z) {
  char buf[80];
  std::snprintf(buf, sizeof buf, "(%.10g, %.10g)", z.real(), z.imag());
  return buf;
}

inline std::string shape(const std::vector<std::complex<double>>& x) {
  std::size_t nz = 0;
  for (auto& v : x) nz += v != std::complex<double>(0, 0);
  return "N=" + std::to_string(x.size()) + " nonzeros=" + std::to_string(nz);
}

// Element k is right when |got - expected| <= 1e-9 * scale * sum_n |x[n]| (sum |x| bounds every
// |X[k]|; the rounding error of any O(N log N) or O(N^2) evaluation is far below that).
inline std::string compare(const std::vector<std::complex<double>>& x, const std::vector<std::complex<double>>& expected,
                           const std::vector<std::complex<double>>& got, double scale, const std::string& what) {
  const std::size_t N = expected.size();
  if (got.size() != N) return what + " has " + std::to_string(got.size()) + " elements, expected " + std::to_string(N);
  double l1 = 0;
  for (auto& v : x) l1 += std::abs(v);
  const double tol = 1e-9 * scale * l1 + 1e-300;
  std::size_t bad = 0, first = N;
  for (std::size_t k = 0; k < N; ++k)
    if (!(std::abs(got[k] - expected[k]) <= tol)) { ++bad; if (first == N) first = k; }
  if (!bad) return "";
  return std::to_string(bad) + " of " + std::to_string(N) + " outputs wrong; first " + what + "[" + std::to_string(first) +
         "] = " + fmt(got[first]) + ", expected " + fmt(expected[first]);
}

}  // namespace task
