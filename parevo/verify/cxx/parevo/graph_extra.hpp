// Harness-side: extra graph families and a cheap relabelling for the unweighted graph tasks
// (mis, matching, spanning_forest, triangle_count, coloring). Built on parevo/graphs.hpp.
#pragma once
#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "graphs.hpp"

namespace parevo::graphs {

// Disjoint cliques of 1..max_size vertices (uniformly drawn sizes): many small pieces, each
// one dense, so triangle counts are large and colourings need up to max_size colours.
inline CSRGraph cliques(std::int32_t n, Rng& rng, std::int32_t max_size = 32) {
  std::vector<Edge> edges;
  std::int32_t start = 0;
  while (start < n) {
    std::int32_t size = std::min<std::int32_t>(n - start, 1 + static_cast<std::int32_t>(rng.below(max_size)));
    for (std::int32_t i = 0; i < size; ++i)
      for (std::int32_t j = i + 1; j < size; ++j) edges.emplace_back(start + i, start + j);
    start += size;
  }
  return from_edges(std::max(n, 0), std::move(edges), rng);
}

// The same graph under a fresh random relabelling: every vertex moves to a new index, so an
// answer cached from an earlier call is wrong, for one pass over the edges (rMat generation is
// far slower). Adjacency lists keep their old order, so they are no longer sorted.
inline CSRGraph relabel(const CSRGraph& g, Rng& rng) {
  std::vector<std::int32_t> label = random_permutation<std::int32_t>(g.n, rng);
  CSRGraph h;
  h.n = g.n;
  h.offsets.assign(static_cast<std::size_t>(g.n) + 1, 0);
  for (std::int32_t v = 0; v < g.n; ++v) h.offsets[label[v] + 1] = g.degree(v);
  for (std::int32_t v = 0; v < g.n; ++v) h.offsets[v + 1] += h.offsets[v];
  h.targets.resize(g.targets.size());
  for (std::int32_t v = 0; v < g.n; ++v) {
    std::int32_t* out = h.targets.data() + h.offsets[label[v]];
    for (std::int64_t k = g.offsets[v]; k < g.offsets[v + 1]; ++k) *out++ = label[g.targets[k]];
  }
  return h;
}

// by_family plus the extra families: "cliques" (disjoint cliques of up to 32 vertices) and
// "dense" (a uniform random graph of average degree 48: thousands of triangles at any size).
inline CSRGraph by_family_extra(const std::string& family, std::int32_t n, Rng& rng) {
  if (family == "cliques") return cliques(n, rng);
  if (family == "dense") return uniform(n, rng, 48.0);
  return by_family(family, n, rng);
}

}  // namespace parevo::graphs
