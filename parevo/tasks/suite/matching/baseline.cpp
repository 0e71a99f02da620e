// Sequential baseline: greedy in vertex order. An unmatched vertex takes its first unmatched
// neighbour.
#include <vector>

std::vector<std::int32_t> maximal_matching(const CSRGraph& g) {
  std::vector<std::int32_t> mate(g.n, -1);
  for (std::int32_t u = 0; u < g.n; ++u) {
    if (mate[u] >= 0) continue;
    for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) {
      const std::int32_t v = g.targets[k];
      if (mate[v] < 0) {
        mate[u] = v;
        mate[v] = u;
        break;
      }
    }
  }
  return mate;
}
