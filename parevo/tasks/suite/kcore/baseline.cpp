// Sequential baseline: the Batagelj-Zaversnik O(n + m) peeling. Vertices are kept sorted by
// current degree in one array with a start index per degree; repeatedly take the vertex of
// smallest degree, fix its core number, and move each neighbour of larger degree down one
// degree bucket by swapping it with the first vertex of its bucket.
#include <algorithm>
#include <vector>

std::vector<std::int32_t> core_numbers(const CSRGraph& g) {
  const std::int32_t n = g.n;
  std::vector<std::int32_t> deg(n), order(n), pos(n);
  std::int32_t max_deg = 0;
  for (std::int32_t v = 0; v < n; ++v) {
    deg[v] = static_cast<std::int32_t>(g.degree(v));
    max_deg = std::max(max_deg, deg[v]);
  }
  std::vector<std::int32_t> bin(static_cast<std::size_t>(max_deg) + 1, 0);
  for (std::int32_t v = 0; v < n; ++v) ++bin[deg[v]];
  for (std::int32_t d = 0, start = 0; d <= max_deg; ++d) {
    const std::int32_t count = bin[d];
    bin[d] = start;
    start += count;
  }
  for (std::int32_t v = 0; v < n; ++v) {
    pos[v] = bin[deg[v]]++;
    order[pos[v]] = v;
  }
  for (std::int32_t d = max_deg; d > 0; --d) bin[d] = bin[d - 1];
  bin[0] = 0;
  for (std::int32_t i = 0; i < n; ++i) {
    const std::int32_t v = order[i];
    for (std::int64_t k = g.offsets[v]; k < g.offsets[v + 1]; ++k) {
      const std::int32_t u = g.targets[k];
      if (deg[u] > deg[v]) {
        const std::int32_t du = deg[u], pu = pos[u], pw = bin[du], w = order[pw];
        if (u != w) {
          pos[u] = pw;
          order[pw] = u;
          pos[w] = pu;
          order[pu] = w;
        }
        ++bin[du];
        --deg[u];
      }
    }
  }
  return deg;
}
