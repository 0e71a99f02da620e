// Harness side of ParEval 17 (highest degree) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <string>

#include "parevo/random.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::vector<int> A;
  std::size_t N = 1;
};
using Output = int;

inline void set_edge(Input& in, std::size_t u, std::size_t v, int value) {
  if (u == v) return;
  in.A[u * in.N + v] = value;
  in.A[v * in.N + u] = value;
}

inline std::vector<int> degrees(const Input& in) {
  std::vector<int> d(in.N, 0);
  for (std::size_t i = 0; i < in.N; ++i)
    for (std::size_t j = 0; j < in.N; ++j) d[i] += in.A[i * in.N + j];
  return d;
}

// Edges are drawn on labels 0..N-1 and relabelled by a random permutation.
inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  Input in;
  in.N = family == "single" ? 1 : family == "paper" ? 512 : static_cast<std::size_t>(std::max(size, 3LL));
  const std::size_t N = in.N;
  in.A.assign(N * N, 0);
  const auto label = parevo::random_permutation<std::size_t>(N, rng);
  auto edge = [&](std::size_t u, std::size_t v) { set_edge(in, label[u], label[v], 1); };
  if (family == "paper") {  // ParEval's generator: every pair with probability 1/2
    for (std::size_t i = 0; i < N; ++i)
      for (std::size_t j = i + 1; j < N; ++j)
        if (rng.below(2)) edge(i, j);
  } else if (family == "sparse") {  // about 3 random edges per vertex
    for (std::size_t e = 0; e < 3 * N; ++e) edge(rng.below(N), rng.below(N));
  } else if (family == "hub") {  // a sparse graph plus one hub of degree between N/4 and N-1
    for (std::size_t e = 0; e < N; ++e) edge(1 + rng.below(N - 1), 1 + rng.below(N - 1));
    const std::size_t d = N / 4 + rng.below(N - N / 4);
    const auto others = parevo::random_permutation<std::size_t>(N - 1, rng);
    for (std::size_t k = 0; k < d && k < N - 1; ++k) edge(0, 1 + others[k]);
  } else if (family == "star") {  // a hub and all but a few leaves
    for (std::size_t v = 1; v < N - N / 10; ++v) edge(0, v);
  } else if (family == "cycle") {
    for (std::size_t v = 0; v < N; ++v) edge(v, (v + 1) % N);
  } else if (family != "empty" && family != "single") {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  return in;
}

// The next repetition: give a vertex of highest degree one more neighbour (or, when it is
// already adjacent to everyone, take one away), so the answer changes by one.
inline void vary(Input& in, parevo::Rng& rng) {
  const std::size_t N = in.N;
  if (N < 2) return;
  const auto d = degrees(in);
  const int best = *std::max_element(d.begin(), d.end());
  std::vector<std::size_t> top;
  for (std::size_t v = 0; v < N; ++v)
    if (d[v] == best) top.push_back(v);
  const std::size_t v = top[rng.below(top.size())];
  if (best < static_cast<int>(N) - 1) {
    std::vector<std::size_t> free;
    for (std::size_t u = 0; u < N; ++u)
      if (u != v && !in.A[v * N + u]) free.push_back(u);
    set_edge(in, v, free[rng.below(free.size())], 1);
  } else {  // every vertex of degree N-1 loses one edge, so the highest degree becomes N-2
    std::vector<char> full(N, 0);
    for (std::size_t t : top) full[t] = 1;
    for (std::size_t t : top) {
      if (!full[t]) continue;  // already lost an edge to an earlier top vertex
      std::size_t u = (t + 1 + rng.below(N - 1)) % N;  // a random other vertex, all are neighbours
      for (std::size_t k = 0; k < N; ++k) {  // prefer a partner that is still full
        const std::size_t w = (t + 1 + k) % N;
        if (w != t && full[w]) { u = w; break; }
      }
      set_edge(in, t, u, 0);
      full[t] = full[u] = 0;
    }
  }
}

inline std::string describe(const Input& in) {
  const auto d = degrees(in);
  long long edges = 0;
  for (int x : d) edges += x;
  return "N=" + std::to_string(in.N) + " edges=" + std::to_string(edges / 2) +
         " max_degree=" + std::to_string(*std::max_element(d.begin(), d.end()));
}

inline Output invoke(const Input& in) { return maxDegree(in.A, in.N); }

inline std::string validate(const Input& in, const Output& out) {
  const auto d = degrees(in);
  const int expected = *std::max_element(d.begin(), d.end());
  if (out == expected) return "";
  return "expected a highest degree of " + std::to_string(expected) + ", got " + std::to_string(out);
}

}  // namespace task
