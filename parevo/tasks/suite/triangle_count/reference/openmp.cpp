// Expert reference (OpenMP): the degree-ordered count, every phase parallel. Each edge is
// oriented from the end of lower (degree, id) to the higher one, which caps every out-list at
// O(sqrt(m)) even on rMat hubs; the oriented lists are built with a parallel count, a prefix
// sum and a parallel fill, and sorted per vertex. Counting walks the out-edges a -> b and
// merges the two sorted out-lists. The work of one vertex is about the sum of its out-lists'
// lengths, which varies a lot, so the counting loop is split over *out-edges* (equal shares of
// the oriented edge array, each thread finding its first vertex by binary search) rather than
// over vertices, and summed with a reduction.
#include <omp.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace {
constexpr std::int64_t kEdgeChunk = 4096;

// Triangles closed by the out-edges [first, last): a sorted merge of the two out-lists per edge.
// A separate function over an explicit range, rather than the body of the worksharing loop:
// GCC compiles the merge loop noticeably better here.
std::int64_t count_range(const std::int64_t* off, std::int32_t n, const std::int32_t* out, std::int64_t first,
                         std::int64_t last) {
  std::int32_t u = static_cast<std::int32_t>(std::upper_bound(off, off + n + 1, first) - off - 1);
  std::int64_t found = 0;
  for (std::int64_t k = first; k < last; ++k) {
    while (off[u + 1] <= k) ++u;
    const std::int32_t v = out[k];
    std::int64_t i = off[u], j = off[v];
    const std::int64_t i_end = off[u + 1], j_end = off[v + 1];
    while (i < i_end && j < j_end) {
      if (out[i] < out[j]) ++i;
      else if (out[i] > out[j]) ++j;
      else { ++found; ++i; ++j; }
    }
  }
  return found;
}
}  // namespace

std::int64_t triangle_count(const CSRGraph& g) {
  const std::int32_t n = g.n;
  if (n == 0) return 0;
  auto before = [&](std::int32_t a, std::int32_t b) {
    const std::int64_t da = g.degree(a), db = g.degree(b);
    return da < db || (da == db && a < b);
  };
  std::vector<std::int64_t> off(static_cast<std::size_t>(n) + 1, 0);
  #pragma omp parallel for schedule(dynamic, 1024)
  for (std::int32_t u = 0; u < n; ++u) {
    std::int64_t d = 0;
    for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) d += before(u, g.targets[k]);
    off[u + 1] = d;
  }
  // Prefix sum: each thread sums a block, then offsets its block by the blocks before it.
  {
    const int threads = omp_get_max_threads();
    std::vector<std::int64_t> block_sum(threads + 1, 0);
    #pragma omp parallel num_threads(threads)
    {
      const int t = omp_get_thread_num(), nt = omp_get_num_threads();
      const std::int32_t lo = static_cast<std::int32_t>(std::int64_t{n} * t / nt) + 1;
      const std::int32_t hi = static_cast<std::int32_t>(std::int64_t{n} * (t + 1) / nt) + 1;
      for (std::int32_t v = lo + 1; v < hi; ++v) off[v] += off[v - 1];
      block_sum[t + 1] = hi > lo ? off[hi - 1] : 0;
      #pragma omp barrier
      #pragma omp single
      for (int b = 0; b < nt; ++b) block_sum[b + 1] += block_sum[b];
      const std::int64_t add = block_sum[t];
      for (std::int32_t v = lo; v < hi; ++v) off[v] += add;
    }
  }
  std::vector<std::int32_t> out(static_cast<std::size_t>(off[n]));
  #pragma omp parallel for schedule(dynamic, 1024)
  for (std::int32_t u = 0; u < n; ++u) {
    std::int64_t at = off[u];
    for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k)
      if (before(u, g.targets[k])) out[at++] = g.targets[k];
    std::sort(out.begin() + off[u], out.begin() + off[u + 1]);
  }

  // Count: dynamic chunks of out-edges, each mapped back to its first vertex by binary search.
  const std::int64_t m = off[n];
  const std::int64_t chunks = (m + kEdgeChunk - 1) / kEdgeChunk;
  std::int64_t triangles = 0;
  #pragma omp parallel for schedule(dynamic, 1) reduction(+ : triangles)
  for (std::int64_t c = 0; c < chunks; ++c)
    triangles += count_range(off.data(), n, out.data(), c * kEdgeChunk, std::min(m, (c + 1) * kEdgeChunk));
  return triangles;
}
