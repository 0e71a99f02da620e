// Harness side of ParEval 23 (first-letter counts) with parevo's own inputs and validator.
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
  std::vector<std::string> s;
};
using Output = std::array<size_t, 26>;

inline std::string random_word(parevo::Rng& rng, std::size_t len) {
  std::string w(len, 'a');
  for (char& c : w) c = static_cast<char>('a' + rng.below(26));
  return w;
}

// A letter with probability proportional to 1/(k+1)^1.5: 'a' about 45%, 'z' about 0.3%.
inline char skewed_letter(parevo::Rng& rng) {
  static const auto cdf = [] {
    std::array<double, 26> c{};
    double total = 0;
    for (int k = 0; k < 26; ++k) c[k] = total += 1.0 / std::pow(k + 1.0, 1.5);
    for (double& x : c) x /= total;
    return c;
  }();
  const auto k = std::lower_bound(cdf.begin(), cdf.end(), rng.uniform()) - cdf.begin();
  return static_cast<char>('a' + std::min<long>(k, 25));
}

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "all_equal" || family == "equal_but_one" || family == "nearly_sorted") {  // edge shapes of a short input (parevo/edge.hpp)
    Input in = generate("short", size, rng);
    parevo::edge::reshape(family, in.s, rng);
    return in;
  }
  if (family == "two") return generate("short", 2, rng);
  Input in;
  const std::size_t n = family == "single" ? 1 : family == "paper" ? 1024 : static_cast<std::size_t>(std::max(size, 1LL));
  in.s.resize(n);
  for (auto& w : in.s) {
    if (family == "paper") {  // ParEval's generator: rand() % 8 + 2 letters
      w = random_word(rng, 2 + rng.below(8));
    } else if (family == "short" || family == "sorted") {
      w = random_word(rng, 1 + rng.below(14));
    } else if (family == "skewed") {
      w = random_word(rng, 1 + rng.below(10));
      w[0] = skewed_letter(rng);
    } else if (family == "all_z") {
      w = random_word(rng, 1 + rng.below(10));
      w[0] = 'z';
    } else if (family == "long") {
      w = random_word(rng, 40 + rng.below(161));
    } else if (family == "single") {
      w = random_word(rng, 1);
    } else {
      throw std::invalid_argument("unknown family '" + family + "'");
    }
  }
  if (family == "sorted") std::sort(in.s.begin(), in.s.end());
  return in;
}

// The next repetition: one random string gets a different first letter.
inline void vary(Input& in, parevo::Rng& rng) {
  std::string& w = in.s[rng.below(in.s.size())];
  w[0] = static_cast<char>('a' + (w[0] - 'a' + 1 + static_cast<int>(rng.below(25))) % 26);
}

inline Output reference(const Input& in) {
  Output b{};
  for (const auto& w : in.s) ++b[static_cast<std::size_t>(w[0] - 'a')];
  return b;
}

inline std::string describe(const Input& in) {
  std::size_t chars = 0;
  for (const auto& w : in.s) chars += w.size();
  const auto b = reference(in);
  return "strings=" + std::to_string(in.s.size()) + " chars=" + std::to_string(chars) +
         " largest_bin=" + std::to_string(*std::max_element(b.begin(), b.end()));
}

inline Output invoke(const Input& in) {
  Output bins{};  // zero-filled, as ParEval's harness passes it
  firstLetterCounts(in.s, bins);
  return bins;
}

inline std::string validate(const Input& in, const Output& out) {
  const auto expected = reference(in);
  std::size_t wrong = 0, first = 0;
  for (std::size_t k = 0; k < expected.size(); ++k)
    if (out[k] != expected[k] && wrong++ == 0) first = k;
  if (!wrong) return "";
  return std::string("bins[") + std::to_string(first) + "] ('" + static_cast<char>('a' + first) + "'): expected " +
         std::to_string(expected[first]) + ", got " + std::to_string(out[first]) + " (" + std::to_string(wrong) +
         " of 26 bins wrong)";
}

}  // namespace task
