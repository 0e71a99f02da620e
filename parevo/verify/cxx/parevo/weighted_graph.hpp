// Harness side: generators of the weighted graph tasks (msf, sssp). The type itself is in the
// candidate-visible wgraph.hpp.
#pragma once
#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "parevo/graph.hpp"

#include "parevo/wgraph.hpp"

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

// The same graph under a fresh relabelling (graphs::relabel_into); weights travel with edges.
inline WeightedCSRGraph relabel(const WeightedCSRGraph& g, Rng& rng) {
  WeightedCSRGraph h;
  h.weights.resize(g.weights.size());
  graphs::relabel_into(g, h, rng, [&](std::int64_t from, std::int64_t to) { h.weights[to] = g.weights[from]; });
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
