// Expert reference (ParlayLib): speculative parallel greedy, then a check and a small repair,
// as in the OpenMP reference. Workers run the sequential greedy on blocks of vertices at the
// same time (one parlay::parallel_for body per block), with plain (relaxed atomic) loads and
// stores and no read-modify-writes: an unmatched vertex takes its first unmatched neighbour
// and writes both mates. Two workers can only interfere when they touch the same vertex at the
// same moment, which leaves some mate[u] = v with mate[v] != u. A parlay::filter finds those
// (few) vertices and they are unmatched, which leaves a valid matching; an edge with both ends
// unmatched then has an end among them (a vertex that scanned and found no free neighbour saw
// every neighbour matched, and a mate never goes back to -1 except here), so a serial pass over
// that short list restores maximality.
//
// Every access to the shared mate array during the parallel loop goes through std::atomic_ref.
#include <parlay/parallel.h>
#include <parlay/primitives.h>
#include <parlay/sequence.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <vector>

namespace {
constexpr std::int32_t kBlock = 1024;

inline std::int32_t load(std::int32_t* m, std::int32_t v) {
  return std::atomic_ref<std::int32_t>(m[v]).load(std::memory_order_relaxed);
}
inline void store(std::int32_t* m, std::int32_t v, std::int32_t x) {
  std::atomic_ref<std::int32_t>(m[v]).store(x, std::memory_order_relaxed);
}

// The greedy over vertices [lo, hi).
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
  const std::int32_t blocks = (n + kBlock - 1) / kBlock;
  parlay::parallel_for(0, blocks, [&](std::size_t b) {
    const auto lo = static_cast<std::int32_t>(b) * kBlock;
    greedy_range(g, mate.data(), lo, std::min(n, lo + kBlock));
  }, 1);

  // Mates are settled now. Unmatch every vertex whose mate does not point back.
  auto broken = parlay::filter(parlay::iota<std::int32_t>(n), [&](std::int32_t u) {
    const std::int32_t v = mate[u];
    return v >= 0 && mate[v] != u;
  });
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
