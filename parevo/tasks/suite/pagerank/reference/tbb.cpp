// Expert reference (oneTBB): pull-based power iteration. Vertices are cut into chunks holding
// about the same number of edges plus vertices (an rMat hub gets a chunk to itself), and one
// tbb::parallel_reduce per round over the chunks computes the new ranks, the share
// rank / deg(v) for the next round (into a second array: this round's is still being read),
// and the next round's dangling mass as its reduction value.
#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/parallel_reduce.h>

#include <algorithm>
#include <functional>
#include <vector>

namespace {
constexpr std::int64_t kChunkWork = 8192;  // edges + vertices per chunk
}

std::vector<double> pagerank(const CSRGraph& g, double damping, int iterations) {
  const std::int32_t n = g.n;
  if (n == 0) return {};
  const std::int64_t work = g.num_edges() + n;
  const std::int64_t chunks = std::max<std::int64_t>(1, (work + kChunkWork - 1) / kChunkWork);
  std::vector<std::int32_t> bound(chunks + 1);
  tbb::parallel_for(std::int64_t{0}, chunks + 1, [&](std::int64_t c) {
    // The first vertex v with offsets[v] + v >= c * work / chunks.
    const std::int64_t target = c * work / chunks;
    std::int32_t lo = 0, hi = n;
    while (lo < hi) {
      const std::int32_t mid = lo + (hi - lo) / 2;
      if (g.offsets[mid] + mid < target) lo = mid + 1; else hi = mid;
    }
    bound[c] = lo;
  });
  bound[chunks] = n;

  std::vector<double> p(n, 1.0 / n), next(n), share(n), next_share(n);
  double dangling = tbb::parallel_reduce(
      tbb::blocked_range<std::int32_t>(0, n), 0.0,
      [&](const tbb::blocked_range<std::int32_t>& r, double acc) {
        for (std::int32_t v = r.begin(); v < r.end(); ++v) {
          const std::int64_t deg = g.degree(v);
          share[v] = deg ? p[v] / static_cast<double>(deg) : 0.0;
          if (deg == 0) acc += p[v];
        }
        return acc;
      },
      std::plus<double>());
  for (int it = 0; it < iterations; ++it) {
    const double base = (1.0 - damping) / n + damping * dangling / n;
    dangling = tbb::parallel_reduce(
        tbb::blocked_range<std::int64_t>(0, chunks, 1), 0.0,
        [&](const tbb::blocked_range<std::int64_t>& r, double acc) {
          for (std::int64_t c = r.begin(); c < r.end(); ++c)
            for (std::int32_t v = bound[c]; v < bound[c + 1]; ++v) {
              const std::int64_t deg = g.offsets[v + 1] - g.offsets[v];
              double sum = 0;
              for (std::int64_t k = g.offsets[v]; k < g.offsets[v + 1]; ++k) sum += share[g.targets[k]];
              const double rank = base + damping * sum;
              next[v] = rank;
              next_share[v] = deg ? rank / static_cast<double>(deg) : 0.0;
              if (deg == 0) acc += rank;
            }
          return acc;
        },
        std::plus<double>());
    p.swap(next);
    share.swap(next_share);
  }
  return p;
}
