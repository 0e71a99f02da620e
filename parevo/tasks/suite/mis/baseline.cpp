// Sequential baseline: greedy in vertex order. A vertex not yet excluded joins the set and
// excludes all its neighbours; each excluded vertex costs one look.
#include <vector>

std::vector<std::uint8_t> maximal_independent_set(const CSRGraph& g) {
  std::vector<std::uint8_t> in_set(g.n, 0), excluded(g.n, 0);
  for (std::int32_t v = 0; v < g.n; ++v) {
    if (excluded[v]) continue;
    in_set[v] = 1;
    for (std::int64_t k = g.offsets[v]; k < g.offsets[v + 1]; ++k) excluded[g.targets[k]] = 1;
  }
  return in_set;
}
