// Harness side of ParEval 59 (map isPowerOfTwo into a mask) with parevo's own inputs and
// validator.
#pragma once
#include <algorithm>
#include <climits>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "parevo/edge.hpp"
#include "parevo/random.hpp"
#include "types.hpp"

namespace task {

inline bool is_pow2(int v) { return v > 0 && (v & (v - 1)) == 0; }

// `mask` is the output buffer, prepared outside the timed call (the harness copies the Input
// before invoke) with the wrong answer in every element, so a candidate that skips an element
// fails; invoke hands it to the candidate without copying.
struct Input {
  std::vector<int> x;
  mutable std::vector<bool> mask;
};
using Output = std::vector<bool>;

inline void prepare(Input& in) {
  in.mask.assign(in.x.size(), false);
  for (std::size_t i = 0; i < in.x.size(); ++i) in.mask[i] = !is_pow2(in.x[i]);
}

inline int any_int(parevo::Rng& rng) { return static_cast<int>(static_cast<std::uint32_t>(rng.next())); }

inline int draw(const std::string& family, parevo::Rng& rng) {
  if (family == "paper") return 1 + static_cast<int>(rng.below(1024));
  if (family == "full_range") {
    switch (rng.below(8)) {
      case 0: return 0;
      case 1: return INT_MIN;
      case 2: return -(1 << rng.below(31));
      default: return any_int(rng);
    }
  }
  if (family == "all_powers") return 1 << rng.below(31);
  if (family == "near_powers") {
    const int p = 1 << rng.below(31);
    return rng.below(2) ? p - 1 : p + 1;
  }
  if (family == "half_powers") return rng.below(2) ? 1 << rng.below(31) : any_int(rng);
  return any_int(rng);
}

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "sorted" || family == "equal_but_one") {  // edge shapes of a full_range input (parevo/edge.hpp)
    Input in = generate("full_range", size, rng);
    parevo::edge::reshape(family, in.x, rng);
    prepare(in);
    return in;
  }
  if (family == "two") {
    Input in = generate("full_range", 2, rng);
    prepare(in);
    return in;
  }
  static const char* known[] = {"paper", "full_range", "all_powers", "near_powers", "half_powers", "all_equal", "single"};
  if (std::find_if(std::begin(known), std::end(known), [&](const char* k) { return family == k; }) == std::end(known))
    throw std::invalid_argument("unknown family '" + family + "'");
  const std::size_t n = family == "paper" ? 1024 : family == "single" ? 1 : static_cast<std::size_t>(std::max(size, 1LL));
  Input in;
  in.x.resize(n);
  if (family == "all_equal") {
    std::fill(in.x.begin(), in.x.end(), rng.below(2) ? 4096 : 12);
  } else if (family == "single") {
    in.x[0] = rng.below(2) ? 64 : 9;
  } else {
    for (int& v : in.x) v = draw(family, rng);
  }
  prepare(in);
  return in;
}

// A different vector of the same kind: about 1% of the elements (at least one) flip between a
// power of two and a non-power (p <-> p + p/2 + 1 style), so a cached answer is wrong.
inline void vary(Input& in, parevo::Rng& rng) {
  const std::size_t n = in.x.size();
  const std::size_t k = std::max<std::size_t>(1, n / 100);
  for (std::size_t t = 0; t < k; ++t) {
    int& v = in.x[rng.below(n)];
    v = is_pow2(v) ? (v == 1 ? 3 : v - 1) : 1 << rng.below(31);
  }
  prepare(in);
}

inline std::string describe(const Input& in) {
  const auto p = std::count_if(in.x.begin(), in.x.end(), is_pow2);
  return "n=" + std::to_string(in.x.size()) + " powers_of_two=" + std::to_string(p);
}

inline Output invoke(const Input& in) {
  std::vector<bool> mask;
  if (in.mask.size() == in.x.size()) mask = std::move(in.mask);
  else { Input copy{in.x, {}}; prepare(copy); mask = std::move(copy.mask); }
  mapPowersOfTwo(in.x, mask);
  return mask;
}

inline std::string validate(const Input& in, const Output& out) {
  if (out.size() != in.x.size())
    return "mask has " + std::to_string(out.size()) + " elements after the call, expected " + std::to_string(in.x.size());
  std::size_t wrong = 0, first = 0;
  for (std::size_t i = 0; i < out.size(); ++i)
    if (out[i] != is_pow2(in.x[i]) && !wrong++) first = i;
  if (!wrong) return "";
  return std::string("mask[") + std::to_string(first) + "] (x=" + std::to_string(in.x[first]) + "): expected " +
         (is_pow2(in.x[first]) ? "true" : "false") + ", got " + (out[first] ? "true" : "false") + "; " +
         std::to_string(wrong) + " of " + std::to_string(out.size()) + " wrong";
}

}  // namespace task
