// Sequential baseline: one queue-based BFS per unvisited vertex, numbering components in order.
#include <vector>

std::vector<std::int32_t> connected_components(const CSRGraph& g) {
  std::vector<std::int32_t> label(g.n, -1);
  std::vector<std::int32_t> queue;
  queue.reserve(g.n);
  std::int32_t next = 0;
  for (std::int32_t s = 0; s < g.n; ++s) {
    if (label[s] >= 0) continue;
    label[s] = next;
    queue.assign(1, s);
    for (std::size_t head = 0; head < queue.size(); ++head) {
      std::int32_t u = queue[head];
      for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) {
        std::int32_t v = g.targets[k];
        if (label[v] < 0) {
          label[v] = next;
          queue.push_back(v);
        }
      }
    }
    ++next;
  }
  return label;
}
