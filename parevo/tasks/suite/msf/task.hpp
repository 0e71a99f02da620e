// Harness side of the msf task: inputs, the call, and the validator.
#pragma once
#include <algorithm>
#include <numeric>
#include <string>

#include "parevo/weighted_graph.hpp"
#include "types.hpp"

namespace task {

struct Input {
  WeightedCSRGraph g;
  parevo::wgraphs::Weights dist = parevo::wgraphs::Weights::uniform;
};
using Output = std::vector<std::pair<std::int32_t, std::int32_t>>;

inline Input generate(const std::string& family, long long n, parevo::Rng& rng) {
  Input in;
  in.dist = parevo::wgraphs::weights_of(family);
  in.g = parevo::wgraphs::by_family(family, static_cast<std::int32_t>(n), rng);
  return in;
}

// Another instance for the next repetition: the same graph under a fresh relabelling, with
// every weight redrawn. New weights change which edges are lightest; the relabelling moves
// every edge to new endpoints, so even on a tree (where the forest is the whole graph) a forest
// cached from an earlier call is wrong. One pass over the edges, no regeneration.
inline void vary(Input& in, parevo::Rng& rng) {
  in.g = parevo::wgraphs::relabel(in.g, rng);
  parevo::wgraphs::assign_weights(in.g, rng.next(), in.dist);
}

inline std::string describe(const Input& in) {
  return "n=" + std::to_string(in.g.n) + " directed_edges=" + std::to_string(in.g.num_edges());
}

inline Output invoke(const Input& in) { return minimum_spanning_forest(in.g); }

namespace detail {
struct UnionFind {
  std::vector<std::int32_t> parent;
  explicit UnionFind(std::int32_t n) : parent(static_cast<std::size_t>(n)) {
    std::iota(parent.begin(), parent.end(), 0);
  }
  std::int32_t find(std::int32_t v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  }
  bool unite(std::int32_t a, std::int32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return false;
    if (a < b) std::swap(a, b);
    parent[a] = b;
    return true;
  }
};

inline std::string pair_text(std::int32_t u, std::int32_t v) {
  return "(" + std::to_string(u) + ", " + std::to_string(v) + ")";
}
}  // namespace detail

// Minimum spanning forests are not unique when weights tie, so the validator checks the
// properties instead: every returned pair is an edge, the edges are acyclic, there are
// n - components of them, and their total weight equals the optimum (from its own Kruskal).
inline std::string validate(const Input& in, const Output& out) {
  const WeightedCSRGraph& g = in.g;
  const std::int32_t n = g.n;
  const auto returned = static_cast<std::int64_t>(out.size());
  const std::string of_returned = " of " + std::to_string(returned) + " returned edges";

  // Endpoints in range and distinct.
  std::int64_t bad_ids = 0, first_bad = -1;
  for (std::int64_t i = 0; i < returned; ++i) {
    auto [u, v] = out[i];
    if (u < 0 || u >= n || v < 0 || v >= n || u == v) { if (first_bad < 0) first_bad = i; ++bad_ids; }
  }
  if (bad_ids)
    return "edge " + std::to_string(first_bad) + ": " + detail::pair_text(out[first_bad].first, out[first_bad].second) +
           " is not a pair of distinct vertices in 0.." + std::to_string(n - 1) + " (" + std::to_string(bad_ids) +
           of_returned + " bad)";

  // The weight of each returned edge, found by grouping the edges by their smaller endpoint and
  // marking that endpoint's neighbours: O(n + m) whatever the degrees.
  std::vector<std::int64_t> start(static_cast<std::size_t>(n) + 1, 0);
  for (auto [u, v] : out) ++start[std::min(u, v) + 1];
  for (std::int32_t v = 0; v < n; ++v) start[v + 1] += start[v];
  std::vector<std::int64_t> fill(start.begin(), start.end() - 1);
  std::vector<std::int64_t> by_low(static_cast<std::size_t>(returned));
  for (std::int64_t i = 0; i < returned; ++i) by_low[fill[std::min(out[i].first, out[i].second)]++] = i;
  std::vector<std::int64_t> weight(static_cast<std::size_t>(returned), -1);
  std::vector<std::int32_t> stamp(static_cast<std::size_t>(n), -1);
  std::vector<std::uint32_t> weight_to(static_cast<std::size_t>(n));
  for (std::int32_t a = 0; a < n; ++a) {
    if (start[a] == start[a + 1]) continue;
    for (std::int64_t k = g.offsets[a]; k < g.offsets[a + 1]; ++k) {
      stamp[g.targets[k]] = a;
      weight_to[g.targets[k]] = g.weights[k];
    }
    for (std::int64_t j = start[a]; j < start[a + 1]; ++j) {
      const std::int64_t i = by_low[j];
      const std::int32_t b = std::max(out[i].first, out[i].second);
      if (stamp[b] == a) weight[i] = weight_to[b];
    }
  }
  std::int64_t non_edges = 0, first_non_edge = -1;
  for (std::int64_t i = 0; i < returned; ++i)
    if (weight[i] < 0) { if (first_non_edge < 0) first_non_edge = i; ++non_edges; }
  if (non_edges)
    return "edge " + std::to_string(first_non_edge) + ": " +
           detail::pair_text(out[first_non_edge].first, out[first_non_edge].second) + " is not an edge of the graph (" +
           std::to_string(non_edges) + of_returned + " are not graph edges)";

  // Acyclic: each returned edge must join two trees of the edges before it.
  detail::UnionFind forest(n);
  std::int64_t cyclic = 0, first_cyclic = -1, total = 0;
  for (std::int64_t i = 0; i < returned; ++i) {
    total += weight[i];
    if (!forest.unite(out[i].first, out[i].second)) { if (first_cyclic < 0) first_cyclic = i; ++cyclic; }
  }
  if (cyclic)
    return "edge " + std::to_string(first_cyclic) + ": " +
           detail::pair_text(out[first_cyclic].first, out[first_cyclic].second) +
           " closes a cycle with the edges returned before it (" + std::to_string(cyclic) + of_returned +
           " close cycles or repeat an edge)";

  // Kruskal: the optimum weight and the number of components.
  std::vector<std::uint64_t> keys;
  keys.reserve(static_cast<std::size_t>(g.num_edges() / 2));
  std::vector<std::int32_t> eu, ev;
  eu.reserve(keys.capacity());
  ev.reserve(keys.capacity());
  for (std::int32_t u = 0; u < n; ++u)
    for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k)
      if (u < g.targets[k]) {
        keys.push_back((static_cast<std::uint64_t>(g.weights[k]) << 32) | eu.size());
        eu.push_back(u);
        ev.push_back(g.targets[k]);
      }
  std::sort(keys.begin(), keys.end());
  detail::UnionFind kruskal(n);
  std::int64_t best = 0, tree_edges = 0;
  for (std::uint64_t key : keys) {
    const std::uint32_t e = static_cast<std::uint32_t>(key);
    if (kruskal.unite(eu[e], ev[e])) { best += static_cast<std::int64_t>(key >> 32); ++tree_edges; }
  }
  const std::int64_t components = n - tree_edges;
  if (returned != tree_edges)
    return "returned " + std::to_string(returned) + " edges, expected " + std::to_string(tree_edges) +
           " (n - components = " + std::to_string(n) + " - " + std::to_string(components) +
           "): the edges are acyclic but do not span every component";
  if (total != best)
    return "total weight " + std::to_string(total) + ", expected the minimum " + std::to_string(best) +
           " (the " + std::to_string(returned) + " edges form a spanning forest, but not a minimum one)";
  return "";
}

}  // namespace task
