// Harness side of ParEval 51 (edge-kernel convolution, clipped) with parevo's own inputs and
// validator.
#pragma once
#include <algorithm>
#include <stdexcept>
#include <string>

#include "parevo/random.hpp"
#include "parevo/output_fill.hpp"
#include "types.hpp"

namespace task {

constexpr int kSentinel = -1;

// `output` is the output buffer, prepared outside the timed call (the harness copies the Input
// before invoke) and filled with a sentinel outside [0, 255], so a candidate that skips a pixel
// fails; invoke hands it to the candidate without copying.
struct Input {
  std::vector<int> image;
  std::size_t N = 1;
  mutable std::vector<int> output;
};
using Output = std::vector<int>;

inline void prepare(Input& in) { in.output.assign(in.N * in.N, parevo::output_fill(kSentinel)); }

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  static const char* known[] = {"paper", "all_white", "all_black", "checkerboard", "salt_pepper", "gradient", "two", "single"};
  if (std::find_if(std::begin(known), std::end(known), [&](const char* k) { return family == k; }) == std::end(known))
    throw std::invalid_argument("unknown family '" + family + "'");
  Input in;
  in.N = family == "paper" ? 1024 : family == "two" ? 2 : family == "single" ? 1 : static_cast<std::size_t>(std::max(size, 1LL));
  const std::size_t N = in.N;
  in.image.assign(N * N, 0);
  const double slope = 255.0 / static_cast<double>(2 * N);
  for (std::size_t i = 0; i < N; ++i)
    for (std::size_t j = 0; j < N; ++j) {
      int v = 0;
      if (family == "all_white") v = 255;
      else if (family == "checkerboard") v = (i + j) % 2 ? 255 : 0;
      else if (family == "salt_pepper") v = rng.below(100) == 0 ? 255 : 0;
      else if (family == "gradient") v = std::min(255, static_cast<int>(slope * static_cast<double>(i + j)) + static_cast<int>(rng.below(3)));
      else if (family != "all_black") v = static_cast<int>(rng.below(255));
      in.image[i * N + j] = v;
    }
  prepare(in);
  return in;
}

// A different image of the same kind: about 1% of the pixels (at least one) get a new value.
inline void vary(Input& in, parevo::Rng& rng) {
  const std::size_t cells = in.N * in.N;
  const std::size_t k = std::max<std::size_t>(1, cells / 100);
  for (std::size_t t = 0; t < k; ++t) {
    int& v = in.image[rng.below(cells)];
    v = v > 127 ? static_cast<int>(rng.below(64)) : 192 + static_cast<int>(rng.below(64));
  }
  prepare(in);
}

inline std::string describe(const Input& in) {
  long long sum = 0;
  for (int v : in.image) sum += v;
  return "N=" + std::to_string(in.N) + " mean_pixel=" + std::to_string(in.image.empty() ? 0 : sum / static_cast<long long>(in.image.size()));
}

inline Output invoke(const Input& in) {
  std::vector<int> out;
  if (in.output.size() == in.N * in.N) out = std::move(in.output);
  else out.assign(in.N * in.N, kSentinel);
  convolveKernel(in.image, out, in.N);
  return out;
}

inline int expected_pixel(const Input& in, std::size_t i, std::size_t j) {
  const long N = static_cast<long>(in.N);
  int sum = 0;
  for (long di = -1; di <= 1; ++di)
    for (long dj = -1; dj <= 1; ++dj) {
      const long r = static_cast<long>(i) + di, c = static_cast<long>(j) + dj;
      if (r < 0 || r >= N || c < 0 || c >= N) continue;
      sum += (di == 0 && dj == 0 ? 8 : -1) * in.image[r * N + c];
    }
  return std::clamp(sum, 0, 255);
}

inline std::string validate(const Input& in, const Output& out) {
  const std::size_t N = in.N;
  if (out.size() != N * N)
    return "imageOut has " + std::to_string(out.size()) + " elements after the call, expected N*N = " + std::to_string(N * N);
  std::size_t wrong = 0, first = 0;
  for (std::size_t i = 0; i < N; ++i)
    for (std::size_t j = 0; j < N; ++j)
      if (out[i * N + j] != expected_pixel(in, i, j) && !wrong++) first = i * N + j;
  if (!wrong) return "";
  return "pixel (" + std::to_string(first / N) + "," + std::to_string(first % N) + "): expected " +
         std::to_string(expected_pixel(in, first / N, first % N)) + ", got " + std::to_string(out[first]) + "; " +
         std::to_string(wrong) + " of " + std::to_string(N * N) + " wrong";
}

}  // namespace task
