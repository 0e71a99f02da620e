// Expert reference (std::thread): the degree-ordered count. Each edge is oriented from the end
// of lower (degree, id) to the higher one, which caps every out-list at O(sqrt(m)) even on
// rMat hubs. parevo::num_threads() workers build the oriented lists (each owns a contiguous
// block of vertices: its count, then a prefix over the block sums, then its fill and sort),
// then count by taking chunks of *out-edges* from a shared atomic cursor (one vertex's work
// is the sum of its out-lists' lengths and varies a lot), each edge a -> b merging the sorted
// out-lists of a and b into a private total. The totals are summed after the join.
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <thread>
#include <vector>

namespace {
template <class Fn>
void run_workers(int workers, Fn&& fn) {
  std::vector<std::thread> pool;
  pool.reserve(static_cast<std::size_t>(workers - 1));
  for (int t = 1; t < workers; ++t) pool.emplace_back([&fn, t] { fn(t); });
  fn(0);
  for (auto& th : pool) th.join();
}
}  // namespace

std::int64_t triangle_count(const CSRGraph& g) {
  const std::int32_t n = g.n;
  if (n == 0) return 0;
  const int workers = std::max(1, std::min(parevo::num_threads(), n));
  auto before = [&](std::int32_t a, std::int32_t b) {
    const std::int64_t da = g.degree(a), db = g.degree(b);
    return da < db || (da == db && a < b);
  };
  auto block = [&](int t) { return static_cast<std::int32_t>(std::int64_t{n} * t / workers); };

  // Out-degrees by vertex blocks, then block totals, then a prefix within each block.
  std::vector<std::int64_t> off(static_cast<std::size_t>(n) + 1, 0), block_total(workers + 1, 0);
  run_workers(workers, [&](int t) {
    std::int64_t sum = 0;
    for (std::int32_t u = block(t); u < block(t + 1); ++u) {
      for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) sum += before(u, g.targets[k]);
      off[u + 1] = sum;  // prefix within the block for now
    }
    block_total[t + 1] = sum;
  });
  for (int t = 0; t < workers; ++t) block_total[t + 1] += block_total[t];
  std::vector<std::int32_t> out(static_cast<std::size_t>(block_total[workers]));
  run_workers(workers, [&](int t) {
    const std::int32_t lo = block(t), hi = block(t + 1);
    for (std::int32_t u = lo; u < hi; ++u) off[u + 1] += block_total[t];
    // off[lo] belongs to the previous block (or is 0), so it equals block_total[t].
    for (std::int32_t u = lo; u < hi; ++u) {
      std::int64_t at = u == lo ? block_total[t] : off[u];
      for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k)
        if (before(u, g.targets[k])) out[at++] = g.targets[k];
      std::sort(out.begin() + (u == lo ? block_total[t] : off[u]), out.begin() + off[u + 1]);
    }
  });

  // Count over dynamic chunks of out-edges.
  const std::int64_t m = block_total[workers];
  constexpr std::int64_t kEdgeChunk = 4096;
  std::atomic<std::int64_t> cursor{0};
  std::vector<std::int64_t> partial(static_cast<std::size_t>(workers) * 8, 0);  // padded per worker
  run_workers(workers, [&](int t) {
    std::int64_t found = 0;
    for (;;) {
      const std::int64_t first = cursor.fetch_add(kEdgeChunk, std::memory_order_relaxed);
      if (first >= m) break;
      const std::int64_t last = std::min(m, first + kEdgeChunk);
      std::int32_t u = static_cast<std::int32_t>(std::upper_bound(off.begin(), off.end(), first) - off.begin() - 1);
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
    }
    partial[static_cast<std::size_t>(t) * 8] = found;
  });
  std::int64_t triangles = 0;
  for (int t = 0; t < workers; ++t) triangles += partial[static_cast<std::size_t>(t) * 8];
  return triangles;
}
