// Sequential baseline: the standard degree-ordered count. Each edge is oriented from the end of
// lower (degree, id) to the higher one, so every vertex keeps at most O(sqrt(m)) out-neighbours;
// the out-lists are sorted, and each triangle a < b < c (in that order) is found once, by
// merging the out-lists of a and b for every out-edge a -> b.
#include <algorithm>
#include <vector>

std::int64_t triangle_count(const CSRGraph& g) {
  const std::int32_t n = g.n;
  auto before = [&](std::int32_t a, std::int32_t b) {
    const std::int64_t da = g.degree(a), db = g.degree(b);
    return da < db || (da == db && a < b);
  };
  std::vector<std::int64_t> off(static_cast<std::size_t>(n) + 1, 0);
  for (std::int32_t u = 0; u < n; ++u)
    for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) off[u + 1] += before(u, g.targets[k]);
  for (std::int32_t u = 0; u < n; ++u) off[u + 1] += off[u];
  std::vector<std::int32_t> out(static_cast<std::size_t>(off[n]));
  for (std::int32_t u = 0; u < n; ++u) {
    std::int64_t at = off[u];
    for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k)
      if (before(u, g.targets[k])) out[at++] = g.targets[k];
    std::sort(out.begin() + off[u], out.begin() + off[u + 1]);
  }

  std::int64_t triangles = 0;
  for (std::int32_t u = 0; u < n; ++u)
    for (std::int64_t k = off[u]; k < off[u + 1]; ++k) {
      const std::int32_t v = out[k];
      std::int64_t i = off[u], j = off[v];
      while (i < off[u + 1] && j < off[v + 1]) {
        if (out[i] < out[j]) ++i;
        else if (out[i] > out[j]) ++j;
        else { ++triangles; ++i; ++j; }
      }
    }
  return triangles;
}
