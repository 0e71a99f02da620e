// Sequential baseline: a queue-based BFS from each unvisited vertex; the edge by which a vertex
// is first reached is a tree edge.
#include <utility>
#include <vector>

std::vector<std::pair<std::int32_t, std::int32_t>> spanning_forest(const CSRGraph& g) {
  std::vector<std::pair<std::int32_t, std::int32_t>> forest;
  std::vector<char> visited(g.n, 0);
  std::vector<std::int32_t> queue;
  queue.reserve(g.n);
  for (std::int32_t s = 0; s < g.n; ++s) {
    if (visited[s]) continue;
    visited[s] = 1;
    queue.assign(1, s);
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const std::int32_t u = queue[head];
      for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) {
        const std::int32_t v = g.targets[k];
        if (!visited[v]) {
          visited[v] = 1;
          forest.emplace_back(u, v);
          queue.push_back(v);
        }
      }
    }
  }
  return forest;
}
