// Sequential baseline: a textbook queue-based BFS.
#include <vector>

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t source) {
  std::vector<std::int32_t> level(g.n, -1);
  if (g.n == 0) return level;
  std::vector<std::int32_t> queue;
  queue.reserve(g.n);
  level[source] = 0;
  queue.push_back(source);
  for (std::size_t head = 0; head < queue.size(); ++head) {
    std::int32_t u = queue[head];
    for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) {
      std::int32_t v = g.targets[k];
      if (level[v] < 0) {
        level[v] = level[u] + 1;
        queue.push_back(v);
      }
    }
  }
  return level;
}
