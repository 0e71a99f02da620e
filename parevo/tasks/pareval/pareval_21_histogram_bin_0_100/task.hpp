// Harness side of ParEval 21 (bins of width 10 over [0, 100)) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "parevo/edge.hpp"
#include "parevo/random.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::vector<double> x;
};
using Output = std::array<size_t, 10>;

// The mathematically right bin, by comparison with the edges (exact for every double).
inline std::size_t bin_of(double v) {
  std::size_t k = 0;
  while (k < 9 && v >= 10.0 * static_cast<double>(k + 1)) ++k;
  return k;
}

// A value is kept only when `v / 10` truncated agrees with the comparison: values within an
// ulp of an edge where the rounded division lands in the next bin are left out, so the usual
// division-based answer is not penalised for a rounding artefact nobody asked about.
inline bool unambiguous(double v) {
  return v >= 0.0 && v < 100.0 && static_cast<std::size_t>(v / 10.0) == bin_of(v);
}

inline double draw(const std::string& family, parevo::Rng& rng, std::size_t i, std::size_t n, int hot) {
  if (family == "paper") return rng.uniform() * 100.0;  // ParEval's generator: rand()/RAND_MAX * 100
  if (family == "uniform" || family == "single") return rng.uniform() * 100.0;
  if (family == "edges") {  // an edge, or a little below one (the gap 1e-1..1e-12)
    const double edge = 10.0 * static_cast<double>(rng.below(10));
    if (rng.below(2) || edge == 0.0) return edge;
    return edge - std::pow(10.0, -1.0 - static_cast<double>(rng.below(12)));
  }
  if (family == "integers") return static_cast<double>(rng.below(100));
  if (family == "skewed") return rng.below(10) ? 10.0 * hot + rng.uniform() * 10.0 : rng.uniform() * 100.0;
  if (family == "last_bin") return 90.0 + rng.uniform() * 10.0;
  if (family == "sorted") return 100.0 * static_cast<double>(i) / static_cast<double>(n);
  throw std::invalid_argument("unknown family '" + family + "'");
}

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "all_equal" || family == "equal_but_one" || family == "nearly_sorted") {  // edge shapes of a uniform input (parevo/edge.hpp)
    Input in = generate("uniform", size, rng);
    parevo::edge::reshape(family, in.x, rng);
    return in;
  }
  if (family == "two") return generate("uniform", 2, rng);
  Input in;
  const std::size_t n = family == "single" ? 1 : family == "paper" ? 1024 : static_cast<std::size_t>(std::max(size, 1LL));
  in.x.resize(n);
  const int hot = static_cast<int>(rng.below(10));
  for (std::size_t i = 0; i < n; ++i) {
    double v;
    do v = draw(family, rng, i, n, hot);
    while (!unambiguous(v));
    in.x[i] = v;
  }
  return in;
}

// The next repetition: one random value moves to the middle of a different bin.
inline void vary(Input& in, parevo::Rng& rng) {
  double& v = in.x[rng.below(in.x.size())];
  const std::size_t k = (bin_of(v) + 1 + rng.below(9)) % 10;
  v = 10.0 * static_cast<double>(k) + 5.0;
}

inline Output reference(const Input& in) {
  Output b{};
  for (double v : in.x) ++b[bin_of(v)];
  return b;
}

inline std::string describe(const Input& in) {
  const auto b = reference(in);
  return "n=" + std::to_string(in.x.size()) + " largest_bin=" + std::to_string(*std::max_element(b.begin(), b.end()));
}

inline Output invoke(const Input& in) {
  Output bins{};  // zero-filled, as ParEval's harness passes it
  binsBy10Count(in.x, bins);
  return bins;
}

inline std::string validate(const Input& in, const Output& out) {
  const auto expected = reference(in);
  std::size_t wrong = 0, first = 0;
  for (std::size_t k = 0; k < expected.size(); ++k)
    if (out[k] != expected[k] && wrong++ == 0) first = k;
  if (!wrong) return "";
  return "bins[" + std::to_string(first) + "] ([" + std::to_string(10 * first) + ", " + std::to_string(10 * first + 10) +
         ")): expected " + std::to_string(expected[first]) + ", got " + std::to_string(out[first]) + " (" +
         std::to_string(wrong) + " of 10 bins wrong)";
}

}  // namespace task
