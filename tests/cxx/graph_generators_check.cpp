// Property checks of the harness's graph generators (run by tests/test_generators.py): the fast
// bucketed from_edges builds exactly the graph a naive set-based construction builds, every
// family is a simple undirected graph, and relabelling is an isomorphism that moves vertices.
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "parevo/graphs.hpp"
#include "parevo/weighted_graph.hpp"

using namespace parevo;
using graphs::Edge;

static int failures = 0;
#define CHECK(cond, ...)                          \
  do {                                            \
    if (!(cond)) {                                \
      ++failures;                                 \
      std::printf("FAIL %s:%d: ", __FILE__, __LINE__); \
      std::printf(__VA_ARGS__);                   \
      std::printf("\n");                          \
    }                                             \
  } while (0)

static bool has_edge(const CSRGraph& g, std::int32_t u, std::int32_t v) {
  for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k)
    if (g.targets[k] == v) return true;
  return false;
}

// Simple and undirected: offsets consistent, no self loops, no duplicates, every edge both ways.
static void check_simple(const CSRGraph& g, const std::string& what, bool sorted) {
  CHECK(g.offsets.size() == static_cast<std::size_t>(g.n) + 1, "%s: offsets size", what.c_str());
  CHECK(g.offsets[0] == 0 && g.offsets[g.n] == static_cast<std::int64_t>(g.targets.size()), "%s: offsets ends", what.c_str());
  std::int64_t bad = 0;
  for (std::int32_t u = 0; u < g.n && bad < 3; ++u) {
    std::set<std::int32_t> seen;
    for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) {
      const std::int32_t v = g.targets[k];
      if (v < 0 || v >= g.n || v == u || !seen.insert(v).second) { ++bad; break; }
      if (sorted && k > g.offsets[u] && g.targets[k - 1] >= v) { ++bad; break; }
      if (g.degree(v) < 64 && !has_edge(g, v, u)) { ++bad; break; }
    }
  }
  CHECK(bad == 0, "%s: not a simple undirected graph (vertex-level problems: %lld)", what.c_str(), (long long)bad);
}

static void check_from_edges(std::int32_t n, std::int64_t m, bool permute, std::uint64_t seed) {
  Rng draw(seed);
  std::vector<Edge> edges;
  for (std::int64_t i = 0; i < m; ++i) {
    // skewed endpoints, duplicates and self loops on purpose
    const std::int32_t u = static_cast<std::int32_t>(draw.below(draw.below(4) == 0 ? std::min(3, n) : n));
    const std::int32_t v = draw.below(10) == 0 ? u : static_cast<std::int32_t>(draw.below(n));
    edges.emplace_back(u, v);
  }
  Rng a(seed + 1), b(seed + 1);
  const CSRGraph g = graphs::from_edges(n, edges, a, permute);
  std::vector<std::int32_t> label(n);
  for (std::int32_t v = 0; v < n; ++v) label[v] = v;
  if (permute) label = random_permutation<std::int32_t>(n, b);
  std::vector<std::set<std::int32_t>> adj(n);
  for (auto [u, v] : edges)
    if (u != v) { adj[label[u]].insert(label[v]); adj[label[v]].insert(label[u]); }
  bool same = g.n == n;
  for (std::int32_t u = 0; u < n && same; ++u)
    same = std::vector<std::int32_t>(adj[u].begin(), adj[u].end()) ==
           std::vector<std::int32_t>(g.targets.begin() + g.offsets[u], g.targets.begin() + g.offsets[u + 1]);
  CHECK(same, "from_edges(n=%d, m=%lld, permute=%d) differs from the naive construction", n, (long long)m, (int)permute);
}

static void check_relabel(const CSRGraph& g, const std::string& what) {
  Rng a(99), b(99);
  const CSRGraph h = graphs::relabel(g, a);
  const graphs::Relabelling label(g.n, b);
  check_simple(h, what + " relabelled", false);
  std::vector<char> used(g.n, 0);
  std::int64_t moved = 0;
  for (std::int32_t v = 0; v < g.n; ++v) {
    const std::int32_t l = label(v);
    CHECK(l >= 0 && l < g.n && !used[l], "%s: relabelling is not a bijection at %d", what.c_str(), v);
    if (l >= 0 && l < g.n) used[l] = 1;
    moved += l != v;
    CHECK(h.degree(l) == g.degree(v), "%s: degree of %d changed", what.c_str(), v);
  }
  for (std::int32_t u = 0; u < g.n; u += 1 + g.n / 500)
    for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k)
      CHECK(has_edge(h, label(u), label(g.targets[k])), "%s: edge %d-%d lost", what.c_str(), u, g.targets[k]);
  if (g.n >= 1000) CHECK(moved >= g.n * 0.98, "%s: only %lld of %d vertices moved", what.c_str(), (long long)moved, g.n);
}

int main() {
  for (std::int32_t n : {1, 2, 5, 64, 1000, 70001})
    for (bool permute : {false, true}) check_from_edges(n, 3LL * n + 7, permute, 17 + n);
  check_from_edges(0, 0, true, 3);
  const char* families[] = {"rmat", "uniform", "rmat_sparse", "uniform_sparse", "grid2d", "chain",
                            "star", "components", "cliques", "dense", "empty", "single"};
  for (std::int32_t n : {0, 1, 63, 65, 3000, 65536 + 4099}) {
    for (const char* f : families) {
      Rng rng(5);
      const CSRGraph g = graphs::by_family(f, n, rng);
      const std::string what = std::string(f) + " n=" + std::to_string(n);
      check_simple(g, what, true);
      check_relabel(g, what);
    }
  }
  // Weighted relabelling carries each weight with its edge.
  Rng rng(8);
  const WeightedCSRGraph w = wgraphs::by_family("uniform", 70000, rng);
  Rng a(4), b(4);
  const WeightedCSRGraph h = wgraphs::relabel(w, a);
  const graphs::Relabelling label(w.n, b);
  std::int64_t wrong = 0;
  for (std::int32_t u = 0; u < w.n; u += 97)
    for (std::int64_t k = w.offsets[u]; k < w.offsets[u + 1]; ++k) {
      const std::int32_t lu = label(u), lv = label(w.targets[k]);
      bool found = false;
      for (std::int64_t j = h.offsets[lu]; j < h.offsets[lu + 1]; ++j)
        found |= h.targets[j] == lv && h.weights[j] == w.weights[k];
      wrong += !found;
    }
  CHECK(wrong == 0, "weighted relabel lost %lld edge weights", (long long)wrong);
  std::printf(failures ? "%d failures\n" : "all generator checks passed\n", failures);
  return failures ? 1 : 0;
}
