// Harness side of ParEval 33 (reverse prefix sum) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "parevo/edge.hpp"
#include "parevo/random.hpp"
#include "parevo/output_fill.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::vector<int> x;
  std::vector<int> output;  // the buffer handed to the candidate: size n, garbage
};
using Output = std::vector<int>;

constexpr int kGarbage = -1234567891;

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "sorted" || family == "equal_but_one" || family == "nearly_sorted") {  // edge shapes of a uniform input (parevo/edge.hpp)
    Input in = generate("uniform", size, rng);
    parevo::edge::reshape(family, in.x, rng);
    return in;
  }
  if (family == "two") return generate("uniform", 2, rng);
  const std::size_t n = family == "paper" ? 1024 : family == "tiny" ? 1 : static_cast<std::size_t>(std::max(size, 1LL));
  // |x[i]| <= m keeps every partial sum (and a varied one) inside an int
  const long long m = std::max<long long>(1, std::min<long long>(100, 1000000000LL / static_cast<long long>(n)));
  auto sym = [&](long long bound) { return static_cast<int>(static_cast<long long>(rng.below(2 * bound)) - bound); };
  Input in;
  in.x.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    int& v = in.x[i];
    if (family == "paper" || family == "uniform" || family == "tiny") v = sym(m);
    else if (family == "positive") v = 1 + static_cast<int>(rng.below(static_cast<std::uint64_t>(m)));
    else if (family == "alternating") v = i % 2 ? -static_cast<int>(m) : static_cast<int>(m);
    else if (family == "constant") v = -static_cast<int>(m / 2) - 1;
    else if (family == "skew") v = rng.below(1000) == 0 ? sym(500 * m) : 0;
    else throw std::invalid_argument("unknown family '" + family + "'");
  }
  in.output.assign(n, parevo::output_fill(kGarbage));
  return in;
}

// A different instance: a few random elements change by small amounts.
inline void vary(Input& in, parevo::Rng& rng) {
  for (int k = 0; k < 8; ++k) {
    int& v = in.x[rng.below(in.x.size())];
    v += v > 0 ? -1 : 1;
  }
}

inline std::string describe(const Input& in) { return "n=" + std::to_string(in.x.size()); }

// The garbage-filled output buffer moves out of the harness's scratch copy: the timed call is
// the candidate's work alone.
inline Output invoke(Input& in) {
  Output out = std::move(in.output);
  reversePrefixSum(in.x, out);
  return out;
}

inline std::string validate(const Input& in, const Output& out) {
  const std::size_t n = in.x.size();
  if (out.size() != n)
    return "output has " + std::to_string(out.size()) + " elements, expected " + std::to_string(n);
  long long sum = 0;
  std::size_t wrong = 0, first = n;
  long long first_exp = 0, first_got = 0;
  for (std::size_t i = 0; i < n; ++i) {
    sum += in.x[n - 1 - i];
    if (out[i] != sum && wrong++ == 0) { first = i; first_exp = sum; first_got = out[i]; }
  }
  if (wrong == 0) return "";
  return "output[" + std::to_string(first) + "] = " + std::to_string(first_got) + ", expected " +
         std::to_string(first_exp) + " (" + std::to_string(wrong) + " of " + std::to_string(n) + " wrong)";
}

}  // namespace task
