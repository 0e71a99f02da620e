// Harness side of ParEval 39 (xor contains) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <stdexcept>
#include <string>

#include "parevo/edge.hpp"
#include "parevo/random.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::vector<int> x, y;
  int val = 0;
};
using Output = bool;

inline bool in(const std::vector<int>& v, int val) { return std::find(v.begin(), v.end(), val) != v.end(); }

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "two") return generate("x_only", 2, rng);
  const std::size_t n = family == "paper" ? 1024 : family == "tiny" ? 1 : static_cast<std::size_t>(std::max(size, 2LL));
  const std::size_t m = family == "unequal" ? std::max<std::size_t>(1, n / 100) : n;
  Input inp;
  inp.x.resize(n);
  inp.y.resize(m);
  auto small = [&] { return static_cast<int>(rng.below(200)) - 100; };
  auto wide = [&] { return static_cast<int>(rng.below(2000000000)) - 1000000000; };  // [-1e9, 1e9)
  if (family == "paper") {
    for (auto& v : inp.x) v = small();
    for (auto& v : inp.y) v = small();
    inp.val = small();
    if (rng.below(2)) {
      inp.x[rng.below(n)] = inp.val;
      inp.y[rng.below(m)] = inp.val;
    }
    return inp;
  }
  for (auto& v : inp.x) v = wide();
  for (auto& v : inp.y) v = wide();
  inp.val = 1000000000 + static_cast<int>(rng.below(1000000));  // outside the range of the fill
  bool put_x, put_y;
  if (family == "x_only") put_x = true, put_y = false;
  else if (family == "y_only") put_x = false, put_y = true;
  else if (family == "both" || family == "both_late") put_x = true, put_y = true;
  else if (family == "neither") put_x = false, put_y = false;
  else if (family == "unequal" || family == "tiny") put_x = rng.below(2), put_y = rng.below(2);
  else throw std::invalid_argument("unknown family '" + family + "'");
  const bool late = family == "both_late";
  if (put_x) inp.x[late ? n - 1 : rng.below(n)] = inp.val;
  if (put_y) inp.y[late ? m - 1 : rng.below(m)] = inp.val;
  return inp;
}

// A different instance with the opposite answer: val's membership in x flips (its copies in x
// become val + 1, or val is written at a random index of x).
inline void vary(Input& inp, parevo::Rng& rng) {
  if (in(inp.x, inp.val)) {
    for (auto& v : inp.x)
      if (v == inp.val) v = inp.val + 1;
  } else {
    inp.x[rng.below(inp.x.size())] = inp.val;
  }
}

inline std::string describe(const Input& inp) {
  return "|x|=" + std::to_string(inp.x.size()) + " |y|=" + std::to_string(inp.y.size()) + " val in x: " +
         (in(inp.x, inp.val) ? "yes" : "no") + ", in y: " + (in(inp.y, inp.val) ? "yes" : "no");
}

inline Output invoke(const Input& inp) { return xorContains(inp.x, inp.y, inp.val); }

inline std::string validate(const Input& inp, const Output& out) {
  const bool ix = in(inp.x, inp.val), iy = in(inp.y, inp.val);
  if (out == (ix != iy)) return "";
  return std::string("returned ") + (out ? "true" : "false") + ", but val " + std::to_string(inp.val) + " is " +
         (ix ? "in x" : "not in x") + " and " + (iy ? "in y" : "not in y");
}

}  // namespace task
