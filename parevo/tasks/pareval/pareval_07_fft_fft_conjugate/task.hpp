// Harness side of ParEval 07 (FFT + conjugate) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdio>
#include <limits>
#include <stdexcept>
#include <string>

#include "parevo/random.hpp"
#include "../pareval_fft.hpp"  // ParEval's FFT helpers, shared by its FFT tasks
#include "types.hpp"

namespace task {

struct Input {
  std::vector<std::complex<double>> x;
};
using Output = std::vector<std::complex<double>>;  // x after the call

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) { return {make_signal(family, size, rng)}; }
inline void vary(Input& in, parevo::Rng& rng) { vary_signal(in.x, rng); }
inline std::string describe(const Input& in) { return shape(in.x); }

inline Output invoke(const Input& in) {
  Output x = in.x;
  fftConjugate(x);
  return x;
}

// The text asks for conj(X), the prompt's example shows X: either is accepted, for the whole output.
inline std::string validate(const Input& in, const Output& out) {
  const auto X = reference_dft(in.x, -1);
  auto conjX = X;
  for (auto& v : conjX) v = std::conj(v);
  const std::string why = compare(in.x, conjX, out, 1.0, "x");
  if (why.empty() || compare(in.x, X, out, 1.0, "x").empty()) return "";
  return why + " (the conjugated transform; the unconjugated one is not matched either)";
}

}  // namespace task
