// Harness side of ParEval 08 (split FFT) with parevo's own inputs and validator.
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
  // The output buffers, NaN-filled, made with the input so that their allocation and first touch
  // happen in the harness's untimed copy; invoke moves them out.
  mutable std::vector<double> r, i;
};
struct Output {
  std::vector<double> r, i;
};

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  Input in;
  in.x = make_signal(family, size, rng);
  in.r.assign(in.x.size(), parevo::output_fill(std::numeric_limits<double>::quiet_NaN()));
  in.i.assign(in.x.size(), parevo::output_fill(std::numeric_limits<double>::quiet_NaN()));
  return in;
}
inline void vary(Input& in, parevo::Rng& rng) { vary_signal(in.x, rng); }
inline std::string describe(const Input& in) { return shape(in.x); }

inline Output invoke(const Input& in) {
  Output out{std::move(in.r), std::move(in.i)};
  const double nan = std::numeric_limits<double>::quiet_NaN();
  if (out.r.size() != in.x.size()) out.r.assign(in.x.size(), nan);
  if (out.i.size() != in.x.size()) out.i.assign(in.x.size(), nan);
  fft(in.x, out.r, out.i);
  return out;
}

inline std::string validate(const Input& in, const Output& out) {
  const std::size_t N = in.x.size();
  if (out.r.size() != N) return "r has " + std::to_string(out.r.size()) + " elements, expected " + std::to_string(N);
  if (out.i.size() != N) return "i has " + std::to_string(out.i.size()) + " elements, expected " + std::to_string(N);
  std::vector<std::complex<double>> got(N);
  for (std::size_t k = 0; k < N; ++k) got[k] = {out.r[k], out.i[k]};
  return compare(in.x, reference_dft(in.x, -1), got, 1.0, "(r, i)");
}

}  // namespace task
