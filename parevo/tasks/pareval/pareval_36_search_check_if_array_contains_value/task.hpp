// Harness side of ParEval 36 (contains) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <climits>
#include <stdexcept>
#include <string>

#include "parevo/edge.hpp"
#include "parevo/random.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::vector<int> x;
  int target = 0;
};
using Output = bool;

inline bool has(const Input& in) { return std::find(in.x.begin(), in.x.end(), in.target) != in.x.end(); }

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "all_equal" || family == "sorted" || family == "nearly_sorted") {  // edge shapes of a random_once input (parevo/edge.hpp)
    Input in = generate("random_once", size, rng);
    parevo::edge::reshape(family, in.x, rng);
    return in;
  }
  if (family == "two") return generate("random_once", 2, rng);
  const std::size_t n = family == "paper" ? 1024 : family == "tiny" ? 1 : static_cast<std::size_t>(std::max(size, 2LL));
  Input in;
  in.x.resize(n);
  auto wide = [&] { return static_cast<int>(rng.below(2000000000)) - 1000000000; };  // [-1e9, 1e9)
  if (family == "paper") {
    for (auto& v : in.x) v = static_cast<int>(rng.below(100)) - 50;
    in.target = static_cast<int>(rng.below(200)) - 100;
  } else if (family == "absent" || family == "last" || family == "first" || family == "random_once") {
    for (auto& v : in.x) v = wide();
    in.target = 1000000000 + static_cast<int>(rng.below(1000000));  // outside the range of x
    if (family == "last") in.x[n - 1] = in.target;
    if (family == "first") in.x[0] = in.target;
    if (family == "random_once") in.x[rng.below(n)] = in.target;
  } else if (family == "duplicates") {
    for (auto& v : in.x) v = static_cast<int>(rng.below(8));
    in.target = static_cast<int>(rng.below(8));
  } else if (family == "negative") {
    for (auto& v : in.x) v = INT_MIN + 1 + static_cast<int>(rng.below(1000));
    in.target = rng.below(2) ? INT_MIN : INT_MIN + 1 + static_cast<int>(rng.below(1000));
  } else if (family == "tiny") {
    in.x[0] = static_cast<int>(rng.below(4));
    in.target = static_cast<int>(rng.below(4));
  } else {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  return in;
}

// A different instance with the opposite answer: when the target is present it becomes a value
// no element holds; when it is absent, it is written at a random index.
inline void vary(Input& in, parevo::Rng& rng) {
  if (has(in)) {
    const int hi = *std::max_element(in.x.begin(), in.x.end()), lo = *std::min_element(in.x.begin(), in.x.end());
    in.target = hi < INT_MAX ? hi + 1 : lo - 1;  // both ends full only if x holds INT_MIN and INT_MAX
  } else {
    in.x[rng.below(in.x.size())] = in.target;
  }
}

inline std::string describe(const Input& in) {
  return "n=" + std::to_string(in.x.size()) + " target=" + std::to_string(in.target) + (has(in) ? " (present)" : " (absent)");
}

inline Output invoke(const Input& in) { return contains(in.x, in.target); }

inline std::string validate(const Input& in, const Output& out) {
  const auto it = std::find(in.x.begin(), in.x.end(), in.target);
  const bool exp = it != in.x.end();
  if (out == exp) return "";
  if (exp) return "returned false, but x[" + std::to_string(it - in.x.begin()) + "] == target " + std::to_string(in.target);
  return "returned true, but target " + std::to_string(in.target) + " is not in x";
}

}  // namespace task
