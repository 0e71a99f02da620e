// Harness side of ParEval 50 (cells with exactly one neighbour set) with parevo's own inputs
// and validator. The prompt's example counts the 8 surrounding cells while ParEval's reference
// counted 4; the validator accepts either, applied consistently.
#pragma once
#include <algorithm>
#include <stdexcept>
#include <string>

#include "parevo/random.hpp"
#include "parevo/output_fill.hpp"
#include "types.hpp"

namespace task {

constexpr int kSentinel = -7;

// `output` is the output buffer, prepared outside the timed call (the harness copies the Input
// before invoke) and filled with a sentinel, so a candidate that skips a cell fails; invoke
// hands it to the candidate without copying.
struct Input {
  std::vector<int> grid;
  std::size_t N = 1;
  mutable std::vector<int> output;
};
using Output = std::vector<int>;

inline void prepare(Input& in) { in.output.assign(in.N * in.N, parevo::output_fill(kSentinel)); }

inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  static const char* known[] = {"paper", "sparse", "dense", "stripes", "all_zero", "all_one", "two", "single"};
  if (std::find_if(std::begin(known), std::end(known), [&](const char* k) { return family == k; }) == std::end(known))
    throw std::invalid_argument("unknown family '" + family + "'");
  Input in;
  in.N = family == "paper" ? 512 : family == "two" ? 2 : family == "single" ? 1 : static_cast<std::size_t>(std::max(size, 1LL));
  const std::size_t N = in.N;
  in.grid.assign(N * N, 0);
  for (std::size_t i = 0; i < N; ++i)
    for (std::size_t j = 0; j < N; ++j) {
      int v = 0;
      if (family == "paper" || family == "two" || family == "single") v = static_cast<int>(rng.below(2));
      else if (family == "sparse") v = rng.below(50) == 0;
      else if (family == "dense") v = rng.below(50) != 0;
      else if (family == "stripes") v = (i % 3 == 0) != (rng.below(100) == 0);
      else if (family == "all_one") v = 1;
      in.grid[i * N + j] = v;
    }
  prepare(in);
  return in;
}

// A different grid of the same kind: about 1% of the cells (at least one) are flipped.
inline void vary(Input& in, parevo::Rng& rng) {
  const std::size_t cells = in.N * in.N;
  const std::size_t k = std::max<std::size_t>(1, cells / 100);
  for (std::size_t t = 0; t < k; ++t) {
    int& v = in.grid[rng.below(cells)];
    v = 1 - v;
  }
  prepare(in);
}

inline std::string describe(const Input& in) {
  const auto ones = std::count(in.grid.begin(), in.grid.end(), 1);
  return "N=" + std::to_string(in.N) + " ones=" + std::to_string(ones);
}

inline Output invoke(const Input& in) {
  std::vector<int> out;
  if (in.output.size() == in.N * in.N) out = std::move(in.output);
  else out.assign(in.N * in.N, kSentinel);
  cellsXOR(in.grid, out, in.N);
  return out;
}

// The expected value of cell (i, j) counting the 8 surrounding cells (diag = true) or the 4
// edge-adjacent ones.
inline int expected_cell(const Input& in, std::size_t i, std::size_t j, bool diag) {
  const long N = static_cast<long>(in.N);
  int count = 0;
  for (long di = -1; di <= 1; ++di)
    for (long dj = -1; dj <= 1; ++dj) {
      if (di == 0 && dj == 0) continue;
      if (!diag && di != 0 && dj != 0) continue;
      const long r = static_cast<long>(i) + di, c = static_cast<long>(j) + dj;
      if (r < 0 || r >= N || c < 0 || c >= N) continue;
      count += in.grid[r * N + c] == 1;
    }
  return count == 1 ? 1 : 0;
}

inline std::string validate(const Input& in, const Output& out) {
  const std::size_t N = in.N;
  if (out.size() != N * N)
    return "output has " + std::to_string(out.size()) + " elements after the call, expected N*N = " + std::to_string(N * N);
  std::size_t wrong8 = 0, wrong4 = 0, first8 = 0, first4 = 0;
  for (std::size_t i = 0; i < N; ++i)
    for (std::size_t j = 0; j < N; ++j) {
      const std::size_t c = i * N + j;
      if (out[c] != expected_cell(in, i, j, true) && !wrong8++) first8 = c;
      if (out[c] != expected_cell(in, i, j, false) && !wrong4++) first4 = c;
    }
  if (!wrong8 || !wrong4) return "";
  auto cell = [&](std::size_t c) { return "(" + std::to_string(c / N) + "," + std::to_string(c % N) + ")"; };
  return "8-neighbour reading: cell " + cell(first8) + " expected " + std::to_string(expected_cell(in, first8 / N, first8 % N, true)) +
         ", got " + std::to_string(out[first8]) + ", " + std::to_string(wrong8) + " of " + std::to_string(N * N) +
         " wrong; 4-neighbour reading: cell " + cell(first4) + " expected " +
         std::to_string(expected_cell(in, first4 / N, first4 % N, false)) + ", " + std::to_string(wrong4) + " wrong";
}

}  // namespace task
