// Harness side of ParEval 43 (sort structs by key) with parevo's own inputs and validator: any
// permutation of the input ordered by startTime is accepted (ties in any order).
#pragma once
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <tuple>

#include "parevo/edge.hpp"
#include "parevo/random.hpp"
#include "types.hpp"

// The prompt's struct, exactly (the candidate's translation unit defines the same one).
struct Result {
   int startTime, duration;
   float value;
};

void sortByStartTime(std::vector<Result> &results);

namespace task {

struct Input {
  std::vector<Result> results;
};
using Output = std::vector<Result>;

inline std::uint32_t bits(float v) {
  std::uint32_t b;
  std::memcpy(&b, &v, sizeof b);
  return b;
}

inline std::string show(const Result& r) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "{startTime=%d, duration=%d, value=%.9g}", r.startTime, r.duration, r.value);
  return buf;
}

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "nearly_sorted" || family == "sorted_tail_swap") {  // edge shapes of a uniform input (parevo/edge.hpp)
    Input in = generate("uniform", size, rng);
    parevo::edge::reshape(family, in.results, rng, [](const Result& a, const Result& b) { return a.startTime < b.startTime; });
    return in;
  }
  if (family == "two") return generate("uniform", 2, rng);
  const std::size_t n = family == "paper" ? 1024 : family == "tiny" ? 1 : static_cast<std::size_t>(std::max(size, 1LL));
  Input in;
  in.results.resize(n);
  const int fixed = static_cast<int>(rng.below(1000));
  for (auto& r : in.results) {
    if (family == "paper") r.startTime = static_cast<int>(rng.below(100));
    else if (family == "uniform" || family == "tiny" || family == "sorted" || family == "reverse")
      r.startTime = static_cast<int>(rng.below(2000000000)) - 1000000000;
    else if (family == "ties") r.startTime = static_cast<int>(rng.below(4));
    else if (family == "all_equal") r.startTime = fixed;
    else throw std::invalid_argument("unknown family '" + family + "'");
    r.duration = 1 + static_cast<int>(rng.below(9));
    r.value = static_cast<float>(rng.uniform() * 2.0 - 1.0);
  }
  auto by_start = [](const Result& a, const Result& b) { return a.startTime < b.startTime; };
  if (family == "sorted") std::sort(in.results.begin(), in.results.end(), by_start);
  if (family == "reverse") std::sort(in.results.begin(), in.results.end(), [&](const Result& a, const Result& b) { return by_start(b, a); });
  return in;
}

// A different instance: a few structs get new start times (and values) at random indices.
inline void vary(Input& in, parevo::Rng& rng) {
  for (int k = 0; k < 8; ++k) {
    Result& r = in.results[rng.below(in.results.size())];
    r.startTime = r.startTime > 0 ? r.startTime - 1 - static_cast<int>(rng.below(50)) : r.startTime + 1 + static_cast<int>(rng.below(50));
    r.value = static_cast<float>(rng.uniform());
  }
}

inline std::string describe(const Input& in) { return "n=" + std::to_string(in.results.size()); }

// The candidate sorts the harness's scratch copy of the input in place, moved out untimed.
inline Output invoke(Input& in) {
  Output r = std::move(in.results);
  sortByStartTime(r);
  return r;
}

inline std::string validate(const Input& in, const Output& out) {
  const std::size_t n = in.results.size();
  if (out.size() != n) return "results has " + std::to_string(out.size()) + " elements after the call, expected " + std::to_string(n);
  std::size_t bad = 0, first = n;
  for (std::size_t i = 0; i + 1 < n; ++i)
    if (out[i + 1].startTime < out[i].startTime && bad++ == 0) first = i;
  if (bad)
    return "not sorted: results[" + std::to_string(first) + "] = " + show(out[first]) + " before " + show(out[first + 1]) +
           " (" + std::to_string(bad) + " descents)";
  auto key = [](const Result& r) { return std::make_tuple(r.startTime, r.duration, bits(r.value)); };
  auto less = [&](const Result& a, const Result& b) { return key(a) < key(b); };
  std::vector<Result> a = in.results, b = out;
  std::sort(a.begin(), a.end(), less);
  std::sort(b.begin(), b.end(), less);
  for (std::size_t i = 0; i < n; ++i)
    if (key(a[i]) != key(b[i]))
      return "not a permutation of the input structs: first difference " + show(a[i]) + " (input) vs " + show(b[i]) +
             " (output); each struct must move whole";
  return "";
}

}  // namespace task
