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

// by_family plus the extra families: "cliques" (disjoint cliques of up to 32 vertices), "dense"
// (a uniform random graph of average degree 48: thousands of triangles at any size), and
// "rmat_sparse" / "uniform_sparse" (average degree 3, like road networks). The sparse ones time
// the tasks whose sequential pass costs ~10 ns per vertex (mis, matching): a baseline of 0.5 s
// needs tens of millions of vertices, which fit in memory only with few edges.
inline CSRGraph by_family_extra(const std::string& family, std::int32_t n, Rng& rng) {
  if (family == "cliques") return cliques(n, rng);
  if (family == "dense") return uniform(n, rng, 48.0);
  if (family == "rmat_sparse") return rmat(n, rng, 3.0);
  if (family == "uniform_sparse") return uniform(n, rng, 3.0);
  return by_family(family, n, rng);
}

}  // namespace parevo::graphs
