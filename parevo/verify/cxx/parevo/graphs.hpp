// Harness-side: irregular graph generators (PBBS practice). Each returns an undirected
// CSRGraph with permuted labels, no self loops and no duplicate edges.
#pragma once
#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "graph.hpp"
#include "random.hpp"

namespace parevo::graphs {

using Edge = std::pair<std::int32_t, std::int32_t>;

// Symmetrises, drops self loops and duplicates, and applies a random relabelling.
// Built by counting sort on the source vertex, then a sort of each (short) adjacency list, so
// that generating a fresh multi-million-edge input for every timed repetition stays cheap.
inline CSRGraph from_edges(std::int32_t n, std::vector<Edge> edges, Rng& rng, bool permute = true) {
  std::vector<std::int32_t> label;
  if (permute) label = random_permutation<std::int32_t>(n, rng);
  std::vector<std::int64_t> count(static_cast<std::size_t>(n) + 1, 0);
  for (auto& [u, v] : edges) {
    if (permute) { u = label[u]; v = label[v]; }
    if (u == v) continue;
    count[u + 1]++;
    count[v + 1]++;
  }
  for (std::int32_t v = 0; v < n; ++v) count[v + 1] += count[v];
  std::vector<std::int32_t> adj(static_cast<std::size_t>(count[n]));
  std::vector<std::int64_t> fill(count.begin(), count.end() - 1);
  for (auto [u, v] : edges) {
    if (u == v) continue;
    adj[fill[u]++] = v;
    adj[fill[v]++] = u;
  }
  CSRGraph g;
  g.n = n;
  g.offsets.assign(static_cast<std::size_t>(n) + 1, 0);
  g.targets.reserve(adj.size());
  for (std::int32_t v = 0; v < n; ++v) {
    auto first = adj.begin() + count[v], last = adj.begin() + count[v + 1];
    std::sort(first, last);
    last = std::unique(first, last);
    g.targets.insert(g.targets.end(), first, last);
    g.offsets[v + 1] = static_cast<std::int64_t>(g.targets.size());
  }
  return g;
}

// Power-law (rMat, a=.55, b=c=.125) with about `avg_degree * n / 2` undirected edges.
inline CSRGraph rmat(std::int32_t n, Rng& rng, double avg_degree = 10.0) {
  if (n <= 1) return from_edges(std::max(n, 0), {}, rng);
  int scale = 0;
  while ((std::int64_t{1} << scale) < n) ++scale;
  const double a = 0.55, b = 0.125, c = 0.125;
  std::int64_t m = static_cast<std::int64_t>(avg_degree * n / 2);
  std::vector<Edge> edges;
  edges.reserve(static_cast<std::size_t>(m));
  // Quadrants, in order of r: [0, a) none, [a, a+b) v, [a+b, a+b+c) u, [a+b+c, 1) both. The
  // choice is computed without branches (they mispredict half the time and dominated the
  // generator); it gives exactly the bits of the obvious if-else chain.
  const double ab = a + b, abc = a + b + c;
  for (std::int64_t i = 0; i < m; ++i) {
    std::int64_t u = 0, v = 0;
    for (int bit = 0; bit < scale; ++bit) {
      const double r = rng.uniform();
      const std::int64_t du = r >= ab;
      const std::int64_t dv = (r >= a) & ((r < ab) | (r >= abc));
      u = (u << 1) | du;
      v = (v << 1) | dv;
    }
    edges.emplace_back(static_cast<std::int32_t>(u % n), static_cast<std::int32_t>(v % n));
  }
  return from_edges(n, std::move(edges), rng);
}

// Uniform random graph (Erdos-Renyi style) with about avg_degree * n / 2 edges.
inline CSRGraph uniform(std::int32_t n, Rng& rng, double avg_degree = 8.0) {
  if (n <= 1) return from_edges(std::max(n, 0), {}, rng);
  std::int64_t m = static_cast<std::int64_t>(avg_degree * n / 2);
  std::vector<Edge> edges;
  edges.reserve(static_cast<std::size_t>(m));
  for (std::int64_t i = 0; i < m; ++i)
    edges.emplace_back(static_cast<std::int32_t>(rng.below(n)), static_cast<std::int32_t>(rng.below(n)));
  return from_edges(n, std::move(edges), rng);
}

// A side x side 4-neighbour grid (side = floor(sqrt(n))): moderate, uniform diameter.
inline CSRGraph grid2d(std::int32_t n, Rng& rng) {
  std::int32_t side = static_cast<std::int32_t>(std::sqrt(static_cast<double>(std::max(n, 0))));
  std::int32_t nn = side * side;
  std::vector<Edge> edges;
  for (std::int32_t r = 0; r < side; ++r)
    for (std::int32_t c = 0; c < side; ++c) {
      std::int32_t v = r * side + c;
      if (c + 1 < side) edges.emplace_back(v, v + 1);
      if (r + 1 < side) edges.emplace_back(v, v + side);
    }
  return from_edges(nn, std::move(edges), rng);
}

// A single path through all vertices: diameter n-1, the worst case for level-synchronous code.
inline CSRGraph chain(std::int32_t n, Rng& rng) {
  std::vector<Edge> edges;
  for (std::int32_t v = 0; v + 1 < n; ++v) edges.emplace_back(v, v + 1);
  return from_edges(std::max(n, 0), std::move(edges), rng);
}

// One hub adjacent to every other vertex: maximal degree skew.
inline CSRGraph star(std::int32_t n, Rng& rng) {
  std::vector<Edge> edges;
  for (std::int32_t v = 1; v < n; ++v) edges.emplace_back(0, v);
  return from_edges(std::max(n, 0), std::move(edges), rng);
}

// Many small components (random trees of 1..max_size vertices, a few with an extra cycle edge).
inline CSRGraph components(std::int32_t n, Rng& rng, std::int32_t max_size = 24) {
  std::vector<Edge> edges;
  std::int32_t start = 0;
  while (start < n) {
    std::int32_t size = std::min<std::int32_t>(n - start, 1 + static_cast<std::int32_t>(rng.below(max_size)));
    for (std::int32_t i = 1; i < size; ++i)
      edges.emplace_back(start + i, start + static_cast<std::int32_t>(rng.below(i)));
    if (size > 2 && rng.below(4) == 0) edges.emplace_back(start, start + size - 1);
    start += size;
  }
  return from_edges(std::max(n, 0), std::move(edges), rng);
}

// n isolated vertices.
inline CSRGraph empty(std::int32_t n, Rng& rng) { return from_edges(std::max(n, 0), {}, rng); }

// The shared family dispatch for graph tasks; unknown names are a harness error, not a
// candidate failure, so they throw std::invalid_argument.
inline CSRGraph by_family(const std::string& family, std::int32_t n, Rng& rng) {
  if (family == "rmat") return rmat(n, rng);
  if (family == "uniform") return uniform(n, rng);
  if (family == "grid2d") return grid2d(n, rng);
  if (family == "chain") return chain(n, rng);
  if (family == "star") return star(n, rng);
  if (family == "components") return components(n, rng);
  if (family == "empty") return empty(n, rng);
  if (family == "single") return empty(1, rng);
  throw std::invalid_argument("unknown graph family '" + family + "'");
}

}  // namespace parevo::graphs
