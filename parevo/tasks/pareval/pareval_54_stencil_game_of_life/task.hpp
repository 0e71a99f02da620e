// Harness side of ParEval 54 (one Game of Life generation) with parevo's own inputs and
// validator.
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
  static const char* known[] = {"paper", "sparse", "dense", "patterns", "all_dead", "all_alive", "three", "single"};
  if (std::find_if(std::begin(known), std::end(known), [&](const char* k) { return family == k; }) == std::end(known))
    throw std::invalid_argument("unknown family '" + family + "'");
  Input in;
  in.N = family == "paper" ? 1024 : family == "three" ? 3 : family == "single" ? 1 : static_cast<std::size_t>(std::max(size, 1LL));
  const std::size_t N = in.N;
  in.grid.assign(N * N, 0);
  if (family == "patterns") {
    // 5x5 tiles, each empty, a blinker (horizontal or vertical) or a block, at a random offset.
    for (std::size_t ti = 0; ti + 5 <= N; ti += 5)
      for (std::size_t tj = 0; tj + 5 <= N; tj += 5) {
        const std::size_t r = ti + 1 + rng.below(2), c = tj + 1 + rng.below(2);
        switch (rng.below(4)) {
          case 0: for (std::size_t k = 0; k < 3; ++k) in.grid[r * N + c + k - (c + k >= tj + 5 ? 1 : 0)] = 1; break;
          case 1: for (std::size_t k = 0; k < 3; ++k) in.grid[(r + k - (r + k >= ti + 5 ? 1 : 0)) * N + c] = 1; break;
          case 2: in.grid[r * N + c] = in.grid[r * N + c + 1] = in.grid[(r + 1) * N + c] = in.grid[(r + 1) * N + c + 1] = 1; break;
          default: break;
        }
      }
  } else {
    for (std::size_t i = 0; i < N * N; ++i) {
      int v = 0;
      if (family == "sparse") v = rng.below(10) == 0;
      else if (family == "dense") v = rng.below(10) != 0;
      else if (family == "all_alive") v = 1;
      else if (family != "all_dead") v = static_cast<int>(rng.below(2));
      in.grid[i] = v;
    }
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
  const auto alive = std::count(in.grid.begin(), in.grid.end(), 1);
  return "N=" + std::to_string(in.N) + " alive=" + std::to_string(alive);
}

inline Output invoke(const Input& in) {
  std::vector<int> out;
  if (in.output.size() == in.N * in.N) out = std::move(in.output);
  else out.assign(in.N * in.N, kSentinel);
  gameOfLife(in.grid, out, in.N);
  return out;
}

inline int expected_cell(const Input& in, std::size_t i, std::size_t j) {
  const long N = static_cast<long>(in.N);
  int alive = 0;
  for (long di = -1; di <= 1; ++di)
    for (long dj = -1; dj <= 1; ++dj) {
      if (di == 0 && dj == 0) continue;
      const long r = static_cast<long>(i) + di, c = static_cast<long>(j) + dj;
      if (r >= 0 && r < N && c >= 0 && c < N) alive += in.grid[r * N + c];
    }
  return in.grid[i * in.N + j] ? (alive == 2 || alive == 3) : alive == 3;
}

inline std::string validate(const Input& in, const Output& out) {
  const std::size_t N = in.N;
  if (out.size() != N * N)
    return "output has " + std::to_string(out.size()) + " elements after the call, expected N*N = " + std::to_string(N * N);
  std::size_t wrong = 0, first = 0;
  for (std::size_t i = 0; i < N; ++i)
    for (std::size_t j = 0; j < N; ++j)
      if (out[i * N + j] != expected_cell(in, i, j) && !wrong++) first = i * N + j;
  if (!wrong) return "";
  return "cell (" + std::to_string(first / N) + "," + std::to_string(first % N) + ") (was " +
         std::to_string(in.grid[first]) + "): expected " + std::to_string(expected_cell(in, first / N, first % N)) +
         ", got " + std::to_string(out[first]) + "; " + std::to_string(wrong) + " of " + std::to_string(N * N) + " wrong";
}

}  // namespace task
