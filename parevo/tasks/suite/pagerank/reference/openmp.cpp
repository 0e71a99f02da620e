// Expert reference (OpenMP): pull-based power iteration. The share p[v] / deg(v) and the
// dangling mass for the next round are computed in the same pass as the new ranks (into a
// second share array, since other threads still read this round's), so each round reads the
// edges once. Vertices are split into chunks holding about the same number of edges plus
// vertices (a hub of an rMat graph gets a chunk to itself), handed out dynamically. Each vertex
// sums its neighbours in list order; the dangling mass is an OpenMP reduction, so it may differ
// from the baseline's in the last bits.
#include <omp.h>

#include <algorithm>
#include <vector>

namespace {
constexpr std::int64_t kChunkWork = 8192;  // edges + vertices per chunk
}

std::vector<double> pagerank(const CSRGraph& g, double damping, int iterations) {
  const std::int32_t n = g.n;
  if (n == 0) return {};
  // Chunk boundaries by work (edges + vertices): one binary search per boundary.
  const std::int64_t work = g.num_edges() + n;
  const std::int64_t chunks = std::max<std::int64_t>(1, (work + kChunkWork - 1) / kChunkWork);
  std::vector<std::int32_t> bound(chunks + 1);
  #pragma omp parallel for schedule(static)
  for (std::int64_t c = 0; c <= chunks; ++c) {
    // The first vertex v with offsets[v] + v >= c * work / chunks.
    const std::int64_t target = c * work / chunks;
    std::int32_t lo = 0, hi = n;
    while (lo < hi) {
      const std::int32_t mid = lo + (hi - lo) / 2;
      if (g.offsets[mid] + mid < target) lo = mid + 1; else hi = mid;
    }
    bound[c] = lo;
  }
  bound[chunks] = n;

  std::vector<double> p(n), next(n), share(n), next_share(n);
  double dangling = 0;
  #pragma omp parallel for schedule(static) reduction(+ : dangling)
  for (std::int32_t u = 0; u < n; ++u) {
    p[u] = 1.0 / n;
    const std::int64_t deg = g.degree(u);
    share[u] = deg ? p[u] / static_cast<double>(deg) : 0.0;
    if (deg == 0) dangling += p[u];
  }
  for (int it = 0; it < iterations; ++it) {
    const double base = (1.0 - damping) / n + damping * dangling / n;
    double next_dangling = 0;
    #pragma omp parallel for schedule(dynamic, 1) reduction(+ : next_dangling)
    for (std::int64_t c = 0; c < chunks; ++c) {
      for (std::int32_t v = bound[c]; v < bound[c + 1]; ++v) {
        const std::int64_t deg = g.offsets[v + 1] - g.offsets[v];
        double sum = 0;
        for (std::int64_t k = g.offsets[v]; k < g.offsets[v + 1]; ++k) sum += share[g.targets[k]];
        const double rank = base + damping * sum;
        next[v] = rank;
        next_share[v] = deg ? rank / static_cast<double>(deg) : 0.0;
        if (deg == 0) next_dangling += rank;
      }
    }
    p.swap(next);
    share.swap(next_share);
    dangling = next_dangling;
  }
  return p;
}
