// Harness side of the spanning_forest task: inputs, the call, and the validator.
#pragma once
#include <string>

#include "parevo/graphs.hpp"
#include "types.hpp"

namespace task {

struct Input {
  CSRGraph g;
};
using Output = std::vector<std::pair<std::int32_t, std::int32_t>>;

inline Input generate(const std::string& family, long long n, parevo::Rng& rng) {
  Input in;
  in.g = parevo::graphs::by_family(family, static_cast<std::int32_t>(n), rng);
  return in;
}

// Another instance for the next repetition: the same graph under a fresh random relabelling,
// so a forest cached from an earlier call lists pairs that are no longer edges.
inline void vary(Input& in, parevo::Rng& rng) { in.g = parevo::graphs::relabel(in.g, rng); }

inline std::string describe(const Input& in) {
  return "n=" + std::to_string(in.g.n) + " directed_edges=" + std::to_string(in.g.num_edges());
}

inline Output invoke(const Input& in) { return spanning_forest(in.g); }

// A sequential union-find with path halving.
struct DisjointSets {
  std::vector<std::int32_t> parent;
  explicit DisjointSets(std::int32_t n) : parent(n) {
    for (std::int32_t v = 0; v < n; ++v) parent[v] = v;
  }
  std::int32_t find(std::int32_t v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  }
  bool unite(std::int32_t a, std::int32_t b) {
    a = find(a), b = find(b);
    if (a == b) return false;
    parent[a] = b;
    return true;
  }
};

inline bool adjacent(const CSRGraph& g, std::int32_t u, std::int32_t v) {
  if (g.degree(u) > g.degree(v)) std::swap(u, v);
  for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k)
    if (g.targets[k] == v) return true;
  return false;
}

// Any spanning forest is valid, so the validator checks the definition: each returned pair is
// an edge, no returned edge closes a cycle, and there are n - c of them. An acyclic set of
// real edges of that size has one tree per component, so it spans.
inline std::string validate(const Input& in, const Output& out) {
  const CSRGraph& g = in.g;
  const std::int32_t n = g.n;
  DisjointSets graph_sets(n);
  std::int64_t components = n;
  for (std::int32_t u = 0; u < n; ++u)
    for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k)
      if (g.targets[k] > u) components -= graph_sets.unite(u, g.targets[k]);
  const std::int64_t expected = n - components;

  DisjointSets forest_sets(n);
  std::int64_t wrong = 0;
  std::string first_problem;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto [u, v] = out[i];
    const std::string pair = "edge #" + std::to_string(i) + " (" + std::to_string(u) + ", " + std::to_string(v) + ")";
    std::string problem;
    if (u < 0 || u >= n || v < 0 || v >= n) problem = pair + " names a vertex outside 0.." + std::to_string(n - 1);
    else if (u == v || !adjacent(g, u, v)) problem = pair + " is not an edge of the graph";
    else if (!forest_sets.unite(u, v)) problem = pair + " closes a cycle with edges returned before it";
    if (problem.empty()) continue;
    if (wrong++ == 0) first_problem = std::move(problem);
  }
  const std::string sizes = std::to_string(out.size()) + " edges returned, a spanning forest of these " +
                            std::to_string(components) + " components has " + std::to_string(expected);
  if (wrong > 0) return first_problem + " (" + std::to_string(wrong) + " of " + std::to_string(out.size()) +
                        " returned edges wrong; " + sizes + ")";
  if (static_cast<std::int64_t>(out.size()) == expected) return "";
  // Too few edges (too many is impossible without a cycle): name two vertices left apart.
  for (std::int32_t u = 0; u < n; ++u)
    for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k)
      if (forest_sets.find(u) != forest_sets.find(g.targets[k]))
        return "vertices " + std::to_string(u) + " and " + std::to_string(g.targets[k]) +
               " are adjacent but not connected by the returned edges (" + sizes + ")";
  return sizes;
}

}  // namespace task
