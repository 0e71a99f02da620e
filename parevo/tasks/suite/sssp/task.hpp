// Harness side of the sssp task: inputs, the call, and the validator.
#pragma once
#include <algorithm>
#include <functional>
#include <queue>
#include <string>
#include <utility>

#include "parevo/weighted_graph.hpp"
#include "types.hpp"

namespace task {

struct Input {
  WeightedCSRGraph g;
  std::int32_t source = 0;
};
using Output = std::vector<std::int64_t>;

inline void pick_source(Input& in, parevo::Rng& rng) {
  // Prefer a source with neighbours: an isolated source would make the timing meaningless.
  for (int attempt = 0; attempt < 64 && in.g.n > 0; ++attempt) {
    in.source = static_cast<std::int32_t>(rng.below(in.g.n));
    if (in.g.degree(in.source) > 0) break;
  }
}

inline Input generate(const std::string& family, long long n, parevo::Rng& rng) {
  Input in;
  in.g = parevo::wgraphs::by_family(family, static_cast<std::int32_t>(n), rng);
  pick_source(in, rng);
  return in;
}

// Another instance for the next repetition: same graph, a new source.
inline void vary(Input& in, parevo::Rng& rng) { pick_source(in, rng); }

inline std::string describe(const Input& in) {
  std::uint32_t heaviest = 0;
  for (std::uint32_t w : in.g.weights) heaviest = std::max(heaviest, w);
  return "n=" + std::to_string(in.g.n) + " directed_edges=" + std::to_string(in.g.num_edges()) +
         " max_weight=" + std::to_string(heaviest);
}

inline Output invoke(const Input& in) { return shortest_paths(in.g, in.source); }

// Distances are unique, so the validator compares with its own Dijkstra.
inline std::string validate(const Input& in, const Output& out) {
  const WeightedCSRGraph& g = in.g;
  if (out.size() != static_cast<std::size_t>(g.n))
    return "returned " + std::to_string(out.size()) + " distances, expected " + std::to_string(g.n) +
           " (one per vertex)";
  std::vector<std::int64_t> dist(g.n, -1);
  using Entry = std::pair<std::int64_t, std::int32_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heap;
  if (g.n > 0) { dist[in.source] = 0; heap.emplace(0, in.source); }
  while (!heap.empty()) {
    auto [d, u] = heap.top();
    heap.pop();
    if (d != dist[u]) continue;
    for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) {
      const std::int32_t v = g.targets[k];
      const std::int64_t nd = d + g.weights[k];
      if (dist[v] < 0 || nd < dist[v]) { dist[v] = nd; heap.emplace(nd, v); }
    }
  }
  std::int64_t wrong = 0, first = -1;
  for (std::int32_t v = 0; v < g.n; ++v)
    if (out[v] != dist[v]) { if (first < 0) first = v; ++wrong; }
  if (wrong == 0) return "";
  return "vertex " + std::to_string(first) + ": expected distance " + std::to_string(dist[first]) + ", got " +
         std::to_string(out[first]) + " (" + std::to_string(wrong) + " of " + std::to_string(g.n) +
         " vertices wrong; source " + std::to_string(in.source) + ")";
}

}  // namespace task
