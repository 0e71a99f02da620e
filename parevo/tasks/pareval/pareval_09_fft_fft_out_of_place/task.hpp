// Harness side of ParEval 09 (out-of-place FFT) with parevo's own inputs and validator.
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
#include "parevo/output_fill.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::vector<std::complex<double>> x;
  // The output buffer, NaN-filled, made with the input so that its allocation and first touch
  // happen in the harness's untimed copy; invoke moves it out.
  mutable std::vector<std::complex<double>> output;
};
using Output = std::vector<std::complex<double>>;

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  Input in;
  in.x = make_signal(family, size, rng);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  in.output.assign(in.x.size(), parevo::output_fill(std::complex<double>(nan, nan)));
  return in;
}
inline void vary(Input& in, parevo::Rng& rng) { vary_signal(in.x, rng); }
inline std::string describe(const Input& in) { return shape(in.x); }

inline Output invoke(const Input& in) {
  Output out = std::move(in.output);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  if (out.size() != in.x.size()) out.assign(in.x.size(), {nan, nan});
  fft(in.x, out);
  return out;
}

inline std::string validate(const Input& in, const Output& out) {
  return compare(in.x, reference_dft(in.x, -1), out, 1.0, "output");
}

}  // namespace task
