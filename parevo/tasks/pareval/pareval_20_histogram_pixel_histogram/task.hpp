// Harness side of ParEval 20 (pixel histogram) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <stdexcept>
#include <string>

#include "parevo/edge.hpp"
#include "parevo/random.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::vector<int> image;
};
using Output = std::array<size_t, 256>;

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "equal_but_one" || family == "nearly_sorted") {  // edge shapes of a uniform input (parevo/edge.hpp)
    Input in = generate("uniform", size, rng);
    parevo::edge::reshape(family, in.image, rng);
    return in;
  }
  if (family == "two") return generate("uniform", 2, rng);
  Input in;
  const std::size_t n = family == "single" ? 1 : family == "paper" ? 1024 : static_cast<std::size_t>(std::max(size, 1LL));
  in.image.resize(n);
  if (family == "paper") {  // ParEval's generator: rand() % 255, so 0..254
    for (auto& v : in.image) v = static_cast<int>(rng.below(255));
  } else if (family == "uniform" || family == "single") {
    for (auto& v : in.image) v = static_cast<int>(rng.below(256));
  } else if (family == "dark") {
    for (auto& v : in.image) v = static_cast<int>(rng.below(16));
  } else if (family == "dominant") {  // 90% one random intensity, the rest uniform
    const int hot = static_cast<int>(rng.below(256));
    for (auto& v : in.image) v = rng.below(10) ? hot : static_cast<int>(rng.below(256));
  } else if (family == "constant") {
    std::fill(in.image.begin(), in.image.end(), 255);
  } else if (family == "gradient") {  // sorted: long runs of the same intensity
    for (std::size_t i = 0; i < n; ++i) in.image[i] = static_cast<int>(i * 256 / n);
  } else {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  return in;
}

// The next repetition: one random pixel takes a different intensity (two bins change by one).
inline void vary(Input& in, parevo::Rng& rng) {
  int& v = in.image[rng.below(in.image.size())];
  v = static_cast<int>((static_cast<std::size_t>(v) + 1 + rng.below(255)) % 256);
}

inline Output reference(const Input& in) {
  Output b{};
  for (int v : in.image) ++b[static_cast<std::size_t>(v)];
  return b;
}

inline std::string describe(const Input& in) {
  const auto b = reference(in);
  const auto used = std::count_if(b.begin(), b.end(), [](size_t c) { return c > 0; });
  return "pixels=" + std::to_string(in.image.size()) + " intensities_used=" + std::to_string(used) +
         " largest_bin=" + std::to_string(*std::max_element(b.begin(), b.end()));
}

inline Output invoke(const Input& in) {
  Output bins{};  // zero-filled, as ParEval's harness passes it
  pixelCounts(in.image, bins);
  return bins;
}

inline std::string validate(const Input& in, const Output& out) {
  const auto expected = reference(in);
  std::size_t wrong = 0, first = 0;
  for (std::size_t k = 0; k < expected.size(); ++k)
    if (out[k] != expected[k] && wrong++ == 0) first = k;
  if (!wrong) return "";
  return "bins[" + std::to_string(first) + "]: expected " + std::to_string(expected[first]) + ", got " +
         std::to_string(out[first]) + " (" + std::to_string(wrong) + " of 256 bins wrong)";
}

}  // namespace task
