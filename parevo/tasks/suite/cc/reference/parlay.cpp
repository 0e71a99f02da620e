// Expert reference (ParlayLib): Afforest (Sutton, Ben-Nun and Bader, IPDPS 2018; as in GAP and
// the OpenMP reference). A concurrent union-find over a parent array in which every vertex
// points at a smaller index, so a tree's root is its smallest vertex. Every vertex first links
// to only its first two neighbours, which already joins most of a giant component; the biggest
// component is then found by sampling, and its vertices skip their remaining edges: each such
// edge is seen again from its other end unless both ends are already joined. On rMat and
// uniform graphs that skips most of the edges.
//
// Every access to the shared parent array goes through std::atomic_ref. Relaxed order is
// enough: a stale read still names an ancestor, and a root changes only by compare-and-swap.
#include <parlay/parallel.h>
#include <parlay/primitives.h>
#include <parlay/sequence.h>

#include <atomic>
#include <cstdint>
#include <random>
#include <unordered_map>
#include <vector>

namespace {

constexpr int kSampleRounds = 2;
constexpr std::size_t kGrain = 512;  // vertices per task: hubs hold most of an rMat graph's edges

inline std::int32_t load(std::vector<std::int32_t>& p, std::int32_t v) {
  return std::atomic_ref<std::int32_t>(p[v]).load(std::memory_order_relaxed);
}

// Hooks the larger of the two roots under the smaller.
inline void link(std::int32_t u, std::int32_t v, std::vector<std::int32_t>& p) {
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
void compress(std::vector<std::int32_t>& p) {
  parlay::parallel_for(0, p.size(), [&](std::size_t i) {
    const auto v = static_cast<std::int32_t>(i);
    std::int32_t pv = load(p, v), ppv;
    while (pv != (ppv = load(p, pv))) {
      std::atomic_ref<std::int32_t>(p[v]).store(ppv, std::memory_order_relaxed);
      pv = ppv;
    }
  }, kGrain);
}

// The label of (probably) the largest component, from a fixed-seed sample of vertices.
std::int32_t most_frequent_root(std::vector<std::int32_t>& p) {
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

}  // namespace

std::vector<std::int32_t> connected_components(const CSRGraph& g) {
  const std::int32_t n = g.n;
  std::vector<std::int32_t> p(n);
  if (n == 0) return p;
  parlay::parallel_for(0, n, [&](std::size_t v) { p[v] = static_cast<std::int32_t>(v); });

  for (int r = 0; r < kSampleRounds; ++r) {
    parlay::parallel_for(0, n, [&](std::size_t i) {
      const auto u = static_cast<std::int32_t>(i);
      if (g.offsets[u] + r < g.offsets[u + 1]) link(u, g.targets[g.offsets[u] + r], p);
    }, kGrain);
    compress(p);
  }

  const std::int32_t giant = most_frequent_root(p);
  parlay::parallel_for(0, n, [&](std::size_t i) {
    const auto u = static_cast<std::int32_t>(i);
    if (load(p, u) == giant) return;
    for (std::int64_t k = g.offsets[u] + kSampleRounds; k < g.offsets[u + 1]; ++k) link(u, g.targets[k], p);
  }, kGrain);
  compress(p);
  return p;
}
