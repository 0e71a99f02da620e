// Sequential baseline: Kruskal. Sort the edges by weight, then keep each edge that joins two
// different trees of a union-find (path halving).
#include <algorithm>
#include <numeric>
#include <vector>

std::vector<std::pair<std::int32_t, std::int32_t>> minimum_spanning_forest(const WeightedCSRGraph& g) {
  struct Edge {
    std::uint32_t w;
    std::int32_t u, v;
  };
  std::vector<Edge> edges;
  edges.reserve(static_cast<std::size_t>(g.num_edges() / 2));
  for (std::int32_t u = 0; u < g.n; ++u)
    for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k)
      if (u < g.targets[k]) edges.push_back({g.weights[k], u, g.targets[k]});
  std::sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) { return a.w < b.w; });

  std::vector<std::int32_t> parent(g.n);
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](std::int32_t v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  };
  std::vector<std::pair<std::int32_t, std::int32_t>> forest;
  for (const Edge& e : edges) {
    std::int32_t a = find(e.u), b = find(e.v);
    if (a == b) continue;
    parent[a] = b;
    forest.emplace_back(e.u, e.v);
  }
  return forest;
}
