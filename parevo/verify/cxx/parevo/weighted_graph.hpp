// The weighted graph type shared by the weighted graph tasks (msf, sssp), and below it the
// harness-side generators. Candidates see this header through their task's types.hpp; only
// WeightedCSRGraph is meant for them.
#pragma once
#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "graph.hpp"

// An undirected graph with non-negative integer edge weights in compressed sparse row form:
// the neighbours of vertex v are targets[offsets[v] .. offsets[v+1]), and weights[k] is the
// weight of the edge to targets[k]. Every edge appears in both directions with the same weight,
// there are no self loops and no duplicate edges. offsets has n+1 entries; targets and weights
// have offsets[n] entries each.
struct WeightedCSRGraph {
  std::int32_t n = 0;
  std::vector<std::int64_t> offsets{0};
  std::vector<std::int32_t> targets;
  std::vector<std::uint32_t> weights;
  std::int64_t num_edges() const { return static_cast<std::int64_t>(targets.size()); }
  std::int64_t degree(std::int32_t v) const { return offsets[v + 1] - offsets[v]; }
};

// ---- Harness side: generators. -------------------------------------------------------------
#include "graphs.hpp"
#include "random.hpp"

namespace parevo::wgraphs {

// How edge weights are drawn.
enum class Weights {
  uniform,  // uniform in [1, 2^30]: nearly all distinct
  ties,     // uniform in {0, 1, 2, 3}: almost every weight is shared by many edges, zeros included
  skewed,   // log-uniform: a random bit length 0..31, then uniform below it; most edges are light,
            // a few weigh up to 2^31, so the largest weight says little about a typical one
};

// The weight of edge {u, v}: a hash of the unordered pair and a seed, so that both directions
// get the same weight without finding the reverse edge, and a new seed redraws every weight in
// one pass.
inline std::uint32_t edge_weight(std::uint64_t seed, std::int32_t u, std::int32_t v, Weights dist) {
  const std::uint64_t a = static_cast<std::uint32_t>(std::min(u, v)), b = static_cast<std::uint32_t>(std::max(u, v));
  std::uint64_t z = seed ^ ((a << 32) | b);
  z += 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  z ^= z >> 31;
  switch (dist) {
    case Weights::ties: return static_cast<std::uint32_t>(z & 3);
    case Weights::skewed: {
      const unsigned bits = static_cast<unsigned>(z & 31);
      return static_cast<std::uint32_t>((z >> 8) & ((std::uint64_t{1} << bits) - 1)) + 1;
    }
    case Weights::uniform: break;
  }
  return static_cast<std::uint32_t>((z >> 8) & ((std::uint64_t{1} << 30) - 1)) + 1;
}

// Redraws every weight of g with a new seed.
inline void assign_weights(WeightedCSRGraph& g, std::uint64_t seed, Weights dist) {
  g.weights.resize(g.targets.size());
  for (std::int32_t u = 0; u < g.n; ++u)
    for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) g.weights[k] = edge_weight(seed, u, g.targets[k], dist);
}

inline WeightedCSRGraph with_weights(CSRGraph&& g, std::uint64_t seed, Weights dist) {
  WeightedCSRGraph w;
  w.n = g.n;
  w.offsets = std::move(g.offsets);
  w.targets = std::move(g.targets);
  assign_weights(w, seed, dist);
  return w;
}

// The same graph under a fresh random relabelling: every vertex moves to a new index, at the
// cost of one pass over the edges. Adjacency lists keep their old order (so they are no longer
// sorted), and the weights travel with their edges.
inline WeightedCSRGraph relabel(const WeightedCSRGraph& g, Rng& rng) {
  std::vector<std::int32_t> label = random_permutation<std::int32_t>(g.n, rng);
  WeightedCSRGraph h;
  h.n = g.n;
  h.offsets.assign(static_cast<std::size_t>(g.n) + 1, 0);
  for (std::int32_t v = 0; v < g.n; ++v) h.offsets[label[v] + 1] = g.degree(v);
  for (std::int32_t v = 0; v < g.n; ++v) h.offsets[v + 1] += h.offsets[v];
  h.targets.resize(g.targets.size());
  h.weights.resize(g.weights.size());
  for (std::int32_t v = 0; v < g.n; ++v) {
    std::int64_t out = h.offsets[label[v]];
    for (std::int64_t k = g.offsets[v]; k < g.offsets[v + 1]; ++k, ++out) {
      h.targets[out] = label[g.targets[k]];
      h.weights[out] = g.weights[k];
    }
  }
  return h;
}

// The weight distribution a family uses.
inline Weights weights_of(const std::string& family) {
  if (family == "ties") return Weights::ties;
  if (family == "skewed") return Weights::skewed;
  return Weights::uniform;
}

// The family dispatch for weighted graph tasks: the unweighted families of graphs.hpp with
// uniform weights, plus
//   ties:   an rMat graph (hubs, many triangles) with weights in {0, 1, 2, 3};
//   skewed: a uniform random graph with log-uniform weights (1 .. 2^31).
// Unknown names throw std::invalid_argument (a harness error, not a candidate failure).
inline WeightedCSRGraph by_family(const std::string& family, std::int32_t n, Rng& rng) {
  const Weights dist = weights_of(family);
  CSRGraph g = family == "ties" ? graphs::rmat(n, rng) : family == "skewed" ? graphs::uniform(n, rng)
                                                                            : graphs::by_family(family, n, rng);
  return with_weights(std::move(g), rng.next(), dist);
}

}  // namespace parevo::wgraphs
