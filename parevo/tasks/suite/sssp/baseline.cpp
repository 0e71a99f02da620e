// Sequential baseline: Dijkstra with a binary heap (std::priority_queue) and lazy deletion:
// a vertex may sit in the heap several times, and stale entries are skipped when popped.
#include <functional>
#include <queue>
#include <utility>
#include <vector>

std::vector<std::int64_t> shortest_paths(const WeightedCSRGraph& g, std::int32_t source) {
  std::vector<std::int64_t> dist(g.n, -1);
  if (g.n == 0) return dist;
  using Entry = std::pair<std::int64_t, std::int32_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heap;
  dist[source] = 0;
  heap.emplace(0, source);
  while (!heap.empty()) {
    auto [d, u] = heap.top();
    heap.pop();
    if (d != dist[u]) continue;
    for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) {
      const std::int32_t v = g.targets[k];
      const std::int64_t nd = d + g.weights[k];
      if (dist[v] < 0 || nd < dist[v]) {
        dist[v] = nd;
        heap.emplace(nd, v);
      }
    }
  }
  return dist;
}
