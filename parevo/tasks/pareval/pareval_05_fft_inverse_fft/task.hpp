// Harness side of ParEval 05 (inverse FFT) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "parevo/random.hpp"
#include "../pareval_fft.hpp"  // ParEval's FFT helpers, shared by its FFT tasks
#include "types.hpp"

// The prompt forward-declares `fft` and says it is there to call (ParEval's harness defined it
// before the generated code). Weak, so the harness owns it; sequential, like ParEval's.
__attribute__((weak)) void fft(std::vector<std::complex<double>> &x);

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
  ifft(x);
  return x;
}

inline std::string validate(const Input& in, const Output& out) {
  auto expected = reference_dft(in.x, +1);
  const double s = 1.0 / static_cast<double>(expected.size());
  for (auto& v : expected) v *= s;
  return compare(in.x, expected, out, s, "x");
}

}  // namespace task

__attribute__((weak)) void fft(std::vector<std::complex<double>> &x) { x = task::reference_dft(std::move(x), -1); }
