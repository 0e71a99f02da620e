// Expert reference (ParlayLib): the degree-ordered count. Each edge is oriented from the end of
// lower (degree, id) to the higher one, which caps every out-list at O(sqrt(m)) even on rMat
// hubs. Out-degrees come from parlay::tabulate, offsets from parlay::scan, and each vertex
// fills and sorts its own out-list. The count is a parlay::reduce over the *out-edges* (not the
// vertices: one vertex's work is the sum of its out-lists' lengths and varies a lot), each edge
// a -> b merging the sorted out-lists of a and b.
#include <parlay/parallel.h>
#include <parlay/primitives.h>
#include <parlay/sequence.h>

#include <algorithm>
#include <cstdint>

std::int64_t triangle_count(const CSRGraph& g) {
  const std::int32_t n = g.n;
  if (n == 0) return 0;
  auto before = [&](std::int32_t a, std::int32_t b) {
    const std::int64_t da = g.degree(a), db = g.degree(b);
    return da < db || (da == db && a < b);
  };
  auto out_degree = parlay::tabulate(n, [&](std::int32_t u) {
    std::int64_t d = 0;
    for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) d += before(u, g.targets[k]);
    return d;
  });
  auto [off, m] = parlay::scan(out_degree);
  off.push_back(m);
  parlay::sequence<std::int32_t> out(m), source(m);
  parlay::parallel_for(0, n, [&](std::int32_t u) {
    std::int64_t at = off[u];
    for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k)
      if (before(u, g.targets[k])) { source[at] = u; out[at++] = g.targets[k]; }
    std::sort(out.begin() + off[u], out.begin() + off[u + 1]);
  });
  auto per_edge = parlay::delayed_tabulate(m, [&](std::int64_t k) -> std::int64_t {
    const std::int32_t u = source[k], v = out[k];
    std::int64_t i = off[u], j = off[v], found = 0;
    const std::int64_t i_end = off[u + 1], j_end = off[v + 1];
    while (i < i_end && j < j_end) {
      if (out[i] < out[j]) ++i;
      else if (out[i] > out[j]) ++j;
      else { ++found; ++i; ++j; }
    }
    return found;
  });
  return parlay::reduce(per_edge);
}
