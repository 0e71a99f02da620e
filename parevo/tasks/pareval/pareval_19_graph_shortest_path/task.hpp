// Harness side of ParEval 19 (shortest path length) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

#include "parevo/random.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::vector<int> A;
  std::size_t N = 2;
  int source = 0, dest = 1;
};
using Output = int;

inline void add_edge(Input& in, std::size_t u, std::size_t v) {
  if (u == v) return;
  in.A[u * in.N + v] = 1;
  in.A[v * in.N + u] = 1;
}

inline std::vector<int> bfs(const Input& in, std::size_t s) {
  const std::size_t N = in.N;
  std::vector<int> dist(N, -1);
  std::vector<std::size_t> queue{s};
  dist[s] = 0;
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const std::size_t v = queue[head];
    for (std::size_t u = 0; u < N; ++u)
      if (in.A[v * N + u] && dist[u] < 0) { dist[u] = dist[v] + 1; queue.push_back(u); }
  }
  return dist;
}

// A random source and a destination in the far half of its reach (distance at least half the
// source's eccentricity): a search must cover much of the graph, and timings do not hinge on
// a lucky nearby pair.
inline void pick_pair(Input& in, parevo::Rng& rng) {
  const std::size_t N = in.N;
  const std::size_t s = rng.below(N);
  const auto dist = bfs(in, s);
  const int ecc = *std::max_element(dist.begin(), dist.end());
  std::vector<std::size_t> far;
  for (std::size_t v = 0; v < N; ++v)
    if (v != s && dist[v] >= std::max(1, (ecc + 1) / 2)) far.push_back(v);
  in.source = static_cast<int>(s);
  in.dest = static_cast<int>(far[rng.below(far.size())]);
}

// Edges are drawn on labels 0..N-1 and relabelled by a random permutation; every family is
// connected.
inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  Input in;
  in.N = family == "tiny" ? 2 : family == "paper" ? 512 : static_cast<std::size_t>(std::max(size, 4LL));
  std::size_t N = in.N;
  if (family == "grid") {  // the largest w x h <= N with h = w or w + 1
    std::size_t w = static_cast<std::size_t>(std::sqrt(static_cast<double>(N)));
    in.N = N = w * (N >= w * (w + 1) ? w + 1 : w);
  }
  in.A.assign(N * N, 0);
  const auto label = parevo::random_permutation<std::size_t>(N, rng);
  auto edge = [&](std::size_t u, std::size_t v) { add_edge(in, label[u], label[v]); };
  if (family == "paper") {  // ParEval's generator: a random Hamiltonian path + rand() % (N-1) edges per vertex
    for (std::size_t i = 0; i + 1 < N; ++i) edge(i, i + 1);
    for (std::size_t i = 0; i < N; ++i) {
      const std::size_t k = rng.below(N - 1);
      for (std::size_t e = 0; e < k; ++e) edge(i, rng.below(N));
    }
  } else if (family == "chain" || family == "tiny") {
    for (std::size_t i = 0; i + 1 < N; ++i) edge(i, i + 1);
  } else if (family == "grid") {
    const std::size_t w = static_cast<std::size_t>(std::sqrt(static_cast<double>(N)));
    for (std::size_t v = 0; v < N; ++v) {
      if ((v + 1) % w) edge(v, v + 1);
      if (v + w < N) edge(v, v + w);
    }
  } else if (family == "tree") {  // random recursive tree: vertex i hangs below a random earlier one
    for (std::size_t i = 1; i < N; ++i) edge(i, rng.below(i));
  } else if (family == "sparse") {  // a random tree plus about N random extra edges
    for (std::size_t i = 1; i < N; ++i) edge(i, rng.below(i));
    for (std::size_t e = 0; e < N; ++e) edge(rng.below(N), rng.below(N));
  } else if (family == "lollipop") {  // a clique on the first N/2 labels, a path through the rest
    const std::size_t c = N / 2;
    for (std::size_t i = 0; i < c; ++i)
      for (std::size_t j = i + 1; j < c; ++j) edge(i, j);
    for (std::size_t i = c - 1; i + 1 < N; ++i) edge(i, i + 1);
  } else {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  pick_pair(in, rng);
  return in;
}

// The next repetition: a new pair at a different distance where one exists (tried a few times),
// so a cached answer fails.
inline void vary(Input& in, parevo::Rng& rng) {
  const int old = bfs(in, static_cast<std::size_t>(in.source))[static_cast<std::size_t>(in.dest)];
  for (int attempt = 0; attempt < 16; ++attempt) {
    pick_pair(in, rng);
    if (bfs(in, static_cast<std::size_t>(in.source))[static_cast<std::size_t>(in.dest)] != old) return;
  }
}

inline std::string describe(const Input& in) {
  std::size_t edges = 0;
  for (int x : in.A) edges += x != 0;
  const int d = bfs(in, static_cast<std::size_t>(in.source))[static_cast<std::size_t>(in.dest)];
  return "N=" + std::to_string(in.N) + " edges=" + std::to_string(edges / 2) + " source=" +
         std::to_string(in.source) + " dest=" + std::to_string(in.dest) + " distance=" + std::to_string(d);
}

inline Output invoke(const Input& in) { return shortestPathLength(in.A, in.N, in.source, in.dest); }

inline std::string validate(const Input& in, const Output& out) {
  const int expected = bfs(in, static_cast<std::size_t>(in.source))[static_cast<std::size_t>(in.dest)];
  if (out == expected) return "";
  return "source " + std::to_string(in.source) + ", dest " + std::to_string(in.dest) + ": expected a shortest path of " +
         std::to_string(expected) + " edges, got " + std::to_string(out);
}

}  // namespace task
