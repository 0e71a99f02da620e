// Sequential baseline: greedy first-fit in vertex order. Each vertex takes the smallest colour
// no coloured neighbour has, so a vertex of degree d gets a colour of at most d.
#include <algorithm>
#include <vector>

std::vector<std::int32_t> graph_coloring(const CSRGraph& g) {
  std::int64_t max_degree = 0;
  for (std::int32_t v = 0; v < g.n; ++v) max_degree = std::max(max_degree, g.degree(v));
  std::vector<std::int32_t> colour(g.n, -1);
  std::vector<std::int32_t> taken_by(static_cast<std::size_t>(max_degree) + 2, -1);  // colour -> last vertex that saw it
  for (std::int32_t v = 0; v < g.n; ++v) {
    for (std::int64_t k = g.offsets[v]; k < g.offsets[v + 1]; ++k) {
      const std::int32_t c = colour[g.targets[k]];
      if (c >= 0) taken_by[c] = v;
    }
    std::int32_t c = 0;
    while (taken_by[c] == v) ++c;
    colour[v] = c;
  }
  return colour;
}
