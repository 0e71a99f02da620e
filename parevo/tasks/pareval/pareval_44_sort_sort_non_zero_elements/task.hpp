// Harness side of ParEval 44 (sort ignoring zeros) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <stdexcept>
#include <string>

#include "parevo/edge.hpp"
#include "parevo/random.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::vector<int> x;
};
using Output = std::vector<int>;

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "nearly_sorted" || family == "sorted_tail_swap") {  // the non-zeros almost in order (parevo/edge.hpp)
    Input in = generate("sorted", size, rng);
    std::vector<int> nz;
    for (int v : in.x) if (v) nz.push_back(v);
    if (family == "nearly_sorted") parevo::edge::perturb_sorted(nz, rng);
    else if (!nz.empty()) parevo::edge::swap_back(nz, nz.size() - 1, nz.size(), std::less<>());
    std::size_t k = 0;
    for (int& v : in.x) if (v) v = nz[k++];
    return in;
  }
  if (family == "two") return generate("uniform", 2, rng);
  const std::size_t n = family == "paper" ? 1024 : family == "tiny" ? 1 : static_cast<std::size_t>(std::max(size, 1LL));
  Input in;
  in.x.resize(n);
  auto wide = [&] { return static_cast<int>(rng.below(2000000000)) - 1000000000; };
  if (family == "paper") {
    for (auto& v : in.x) v = rng.below(5) ? 0 : static_cast<int>(rng.below(2147483648ULL));
  } else if (family == "uniform") {
    for (auto& v : in.x) v = rng.below(3) ? wide() : 0;
  } else if (family == "no_zeros" || family == "tiny") {
    for (auto& v : in.x) { v = wide(); if (v == 0) v = 1; }
  } else if (family == "all_zeros") {
    std::fill(in.x.begin(), in.x.end(), 0);
  } else if (family == "mostly_zeros") {
    for (auto& v : in.x) v = rng.below(1000) ? 0 : wide();
  } else if (family == "duplicates") {
    for (auto& v : in.x) v = static_cast<int>(rng.below(7)) - 3;
  } else if (family == "sorted" || family == "reverse") {  // the non-zeros (un)sorted, zeros in between
    std::vector<int> nz;
    for (auto& v : in.x) { v = rng.below(4) ? 1 : 0; }
    for (auto& v : in.x) if (v) { int w = wide(); nz.push_back(w == 0 ? 1 : w); }
    std::sort(nz.begin(), nz.end());
    if (family == "reverse") std::reverse(nz.begin(), nz.end());
    std::size_t k = 0;
    for (auto& v : in.x) if (v) v = nz[k++];
  } else {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  return in;
}

// A different instance: a few random elements get new values (zeros appear and disappear).
inline void vary(Input& in, parevo::Rng& rng) {
  for (int k = 0; k < 8; ++k) {
    int& v = in.x[rng.below(in.x.size())];
    v = v == 0 ? 1 + static_cast<int>(rng.below(1000)) : (rng.below(2) ? 0 : -v);
  }
}

inline std::string describe(const Input& in) {
  return "n=" + std::to_string(in.x.size()) + " zeros=" + std::to_string(std::count(in.x.begin(), in.x.end(), 0));
}

// The candidate sorts the harness's scratch copy of the input in place, moved out untimed.
inline Output invoke(Input& in) {
  Output x = std::move(in.x);
  sortIgnoreZero(x);
  return x;
}

inline std::string validate(const Input& in, const Output& out) {
  const std::size_t n = in.x.size();
  if (out.size() != n) return "x has " + std::to_string(out.size()) + " elements after the call, expected " + std::to_string(n);
  std::vector<int> exp(in.x);
  std::vector<int> nz;
  for (int v : exp) if (v != 0) nz.push_back(v);
  std::sort(nz.begin(), nz.end());
  std::size_t k = 0;
  for (int& v : exp) if (v != 0) v = nz[k++];
  std::size_t wrong = 0, first = n;
  for (std::size_t i = 0; i < n; ++i)
    if (out[i] != exp[i] && wrong++ == 0) first = i;
  if (wrong == 0) return "";
  return "x[" + std::to_string(first) + "] = " + std::to_string(out[first]) + ", expected " + std::to_string(exp[first]) +
         (in.x[first] == 0 ? " (a zero that must stay in place)" : "") + " (" + std::to_string(wrong) + " of " +
         std::to_string(n) + " wrong)";
}

}  // namespace task
