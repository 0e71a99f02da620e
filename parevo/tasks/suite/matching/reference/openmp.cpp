// Expert reference (OpenMP): speculative parallel greedy, then a check and a small repair.
// Threads run the sequential greedy on dynamic chunks of vertices at the same time, with plain
// (relaxed atomic) loads and stores and no read-modify-writes or fences, which would stall
// the overlapping cache misses the greedy scan lives on: an unmatched vertex takes its first
// unmatched neighbour and writes both mates. Two threads can only interfere when they touch
// the same vertex at the same moment (both take one free vertex, or one takes a vertex that is
// taking someone else), which leaves some mate[u] = v with mate[v] != u. A parallel check pass
// finds those (few) vertices and unmatches them, which leaves a valid matching; an edge with
// both ends unmatched then has an unmatched end among them (a vertex that scanned and found
// no free neighbour saw every neighbour matched, and a mate never goes back to -1 except
// here), so a serial pass over that short list restores maximality.
//
// Every access to the shared mate array during the parallel loop goes through std::atomic_ref.
#include <omp.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <vector>

namespace {
constexpr std::int32_t kChunk = 1024;

inline std::int32_t load(std::int32_t* m, std::int32_t v) {
  return std::atomic_ref<std::int32_t>(m[v]).load(std::memory_order_relaxed);
}
inline void store(std::int32_t* m, std::int32_t v, std::int32_t x) {
  std::atomic_ref<std::int32_t>(m[v]).store(x, std::memory_order_relaxed);
}

// The greedy over vertices [lo, hi). A separate function over an explicit range, rather than
// the body of the worksharing loop: GCC compiles the tight scan loop noticeably better here.
void greedy_range(const CSRGraph& g, std::int32_t* mate, std::int32_t lo, std::int32_t hi) {
  const std::int64_t* offsets = g.offsets.data();
  const std::int32_t* targets = g.targets.data();
  for (std::int32_t u = lo; u < hi; ++u) {
    if (load(mate, u) >= 0) continue;
    for (std::int64_t k = offsets[u], end = offsets[u + 1]; k < end; ++k) {
      const std::int32_t v = targets[k];
      if (load(mate, v) < 0) {
        store(mate, u, v);
        store(mate, v, u);
        break;
      }
    }
  }
}
}  // namespace

std::vector<std::int32_t> maximal_matching(const CSRGraph& g) {
  const std::int32_t n = g.n;
  std::vector<std::int32_t> mate(n, -1);

  // Dynamic chunks, handed out in increasing order.
  const std::int32_t chunks = (n + kChunk - 1) / kChunk;
  #pragma omp parallel for schedule(dynamic, 1)
  for (std::int32_t c = 0; c < chunks; ++c) greedy_range(g, mate.data(), c * kChunk, std::min(n, (c + 1) * kChunk));

  // Mates are settled now. Unmatch every vertex whose mate does not point back.
  std::vector<std::int32_t> broken;
  #pragma omp parallel
  {
    std::vector<std::int32_t> mine;
    #pragma omp for schedule(static) nowait
    for (std::int32_t u = 0; u < n; ++u) {
      const std::int32_t v = mate[u];
      if (v >= 0 && mate[v] != u) mine.push_back(u);
    }
    #pragma omp critical
    broken.insert(broken.end(), mine.begin(), mine.end());
  }
  for (std::int32_t u : broken) mate[u] = -1;
  for (std::int32_t u : broken) {
    if (mate[u] >= 0) continue;
    for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) {
      const std::int32_t v = g.targets[k];
      if (mate[v] < 0) { mate[u] = v; mate[v] = u; break; }
    }
  }
  return mate;
}
