// Expert reference (OpenMP): Afforest (Sutton, Ben-Nun and Bader, IPDPS 2018; as in GAP).
// A concurrent union-find over a parent array. It first links every vertex to only its first
// two neighbours, which already joins most of a giant component; the biggest component is then
// found by sampling, and its vertices skip their remaining edges: each such edge is seen again
// from its other end unless both ends are already joined. On rMat and uniform graphs that
// skips most of the edges.
//
// Every access to the shared parent array goes through std::atomic_ref. Relaxed order is
// enough: a vertex only ever points at a smaller index in its own tree, so a stale read still
// names an ancestor, and a root changes only by compare-and-swap.
#include <omp.h>

#include <atomic>
#include <cstdint>
#include <random>
#include <unordered_map>
#include <vector>

namespace {

using Parent = std::vector<std::int32_t>;

// Dynamic chunks of vertices: small enough that hubs (which hold most of an rMat graph's
// edges) spread over threads, large enough that grabbing one is cheap next to its links.
constexpr int kChunk = 512;

inline std::int32_t load(Parent& p, std::int32_t v) {
  return std::atomic_ref<std::int32_t>(p[v]).load(std::memory_order_relaxed);
}

// Hooks the larger of the two roots under the smaller; path lengths stay short because vertex
// labels are random, so linking by index behaves like randomised linking.
inline void link(std::int32_t u, std::int32_t v, Parent& p) {
  std::int32_t p1 = load(p, u), p2 = load(p, v);
  while (p1 != p2) {
    const std::int32_t high = p1 > p2 ? p1 : p2, low = p1 > p2 ? p2 : p1;
    std::int32_t p_high = load(p, high);
    if (p_high == low) return;
    if (p_high == high &&
        std::atomic_ref<std::int32_t>(p[high]).compare_exchange_strong(p_high, low, std::memory_order_relaxed))
      return;
    p1 = load(p, load(p, high));
    p2 = load(p, low);
  }
}

// Pointer jumping until every vertex points straight at its root.
void compress(Parent& p) {
  const auto n = static_cast<std::int32_t>(p.size());
  #pragma omp parallel for schedule(dynamic, kChunk)
  for (std::int32_t v = 0; v < n; ++v) {
    std::int32_t pv = load(p, v), ppv;
    while (pv != (ppv = load(p, pv))) {
      std::atomic_ref<std::int32_t>(p[v]).store(ppv, std::memory_order_relaxed);
      pv = ppv;
    }
  }
}

// The label of (probably) the largest component, from a fixed-seed sample of vertices.
std::int32_t most_frequent_root(Parent& p) {
  const auto n = static_cast<std::int32_t>(p.size());
  std::unordered_map<std::int32_t, int> count;
  std::mt19937 gen(27491095);
  std::uniform_int_distribution<std::int32_t> pick(0, n - 1);
  for (int i = 0; i < 1024; ++i) ++count[p[pick(gen)]];
  std::int32_t best = p[0];
  int best_count = 0;
  for (auto [root, c] : count)
    if (c > best_count) { best = root; best_count = c; }
  return best;
}

constexpr int kSampleRounds = 2;

}  // namespace

std::vector<std::int32_t> connected_components(const CSRGraph& g) {
  const std::int32_t n = g.n;
  Parent p(n);
  if (n == 0) return p;
  #pragma omp parallel for schedule(static)
  for (std::int32_t v = 0; v < n; ++v) p[v] = v;

  for (int r = 0; r < kSampleRounds; ++r) {
    #pragma omp parallel for schedule(dynamic, kChunk)
    for (std::int32_t u = 0; u < n; ++u)
      if (g.offsets[u] + r < g.offsets[u + 1]) link(u, g.targets[g.offsets[u] + r], p);
    compress(p);
  }

  const std::int32_t giant = most_frequent_root(p);
  #pragma omp parallel for schedule(dynamic, kChunk)
  for (std::int32_t u = 0; u < n; ++u) {
    if (load(p, u) == giant) continue;
    for (std::int64_t k = g.offsets[u] + kSampleRounds; k < g.offsets[u + 1]; ++k) link(u, g.targets[k], p);
  }
  compress(p);
  return p;
}
