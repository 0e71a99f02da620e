// Sequential baseline: pull-based power iteration. Each round first computes every vertex's
// share p[u] / deg(u) and the dangling mass, then sums the shares of each vertex's neighbours.
#include <vector>

std::vector<double> pagerank(const CSRGraph& g, double damping, int iterations) {
  const std::int32_t n = g.n;
  if (n == 0) return {};
  std::vector<double> p(n, 1.0 / n), next(n), share(n);
  for (int it = 0; it < iterations; ++it) {
    double dangling = 0;
    for (std::int32_t u = 0; u < n; ++u) {
      const std::int64_t deg = g.degree(u);
      if (deg == 0) {
        dangling += p[u];
        share[u] = 0;
      } else {
        share[u] = p[u] / static_cast<double>(deg);
      }
    }
    const double base = (1.0 - damping) / n + damping * dangling / n;
    for (std::int32_t v = 0; v < n; ++v) {
      double sum = 0;
      for (std::int64_t k = g.offsets[v]; k < g.offsets[v + 1]; ++k) sum += share[g.targets[k]];
      next[v] = base + damping * sum;
    }
    p.swap(next);
  }
  return p;
}
