// Expert reference (ParlayLib): Afforest (Sutton, Ben-Nun and Bader, IPDPS 2018) that keeps
// the edge behind every successful hook. A concurrent union-find over a parent array, where
// every vertex points at a smaller index, so a tree's root is its smallest vertex. Each
// successful compare-and-swap hooks one root under a vertex of another tree, merging two
// trees, so the edge that caused it is a forest edge, and there are exactly n - c of them.
// They go to per-worker buffers (indexed by parlay::worker_id(); a loop body never forks, so
// one worker runs one body at a time), flattened at the end.
//
// Every vertex first links to only its first two neighbours, which already joins most of a
// giant component; the biggest component is then found by sampling, and its vertices skip
// their remaining edges (each is seen again from its other end unless both ends are joined).
//
// Every access to the shared parent array goes through std::atomic_ref (relaxed: a stale read
// still names an ancestor, and a root changes only by compare-and-swap).
#include <parlay/parallel.h>
#include <parlay/primitives.h>
#include <parlay/sequence.h>

#include <atomic>
#include <cstdint>
#include <random>
#include <unordered_map>
#include <utility>
#include <vector>

namespace {

using Edge = std::pair<std::int32_t, std::int32_t>;
struct alignas(64) Buffer { std::vector<Edge> edges; };
constexpr int kSampleRounds = 2;

inline std::int32_t load(parlay::sequence<std::int32_t>& p, std::int32_t v) {
  return std::atomic_ref<std::int32_t>(p[v]).load(std::memory_order_relaxed);
}

inline void link(std::int32_t u, std::int32_t v, parlay::sequence<std::int32_t>& p, std::vector<Edge>& found) {
  std::int32_t p1 = load(p, u), p2 = load(p, v);
  while (p1 != p2) {
    const std::int32_t high = p1 > p2 ? p1 : p2, low = p1 > p2 ? p2 : p1;
    std::int32_t p_high = load(p, high);
    if (p_high == low) return;
    if (p_high == high &&
        std::atomic_ref<std::int32_t>(p[high]).compare_exchange_strong(p_high, low, std::memory_order_relaxed)) {
      found.emplace_back(u, v);
      return;
    }
    p1 = load(p, load(p, high));
    p2 = load(p, low);
  }
}

void compress(parlay::sequence<std::int32_t>& p) {
  parlay::parallel_for(0, p.size(), [&](std::size_t i) {
    const auto v = static_cast<std::int32_t>(i);
    std::int32_t pv = load(p, v), ppv;
    while (pv != (ppv = load(p, pv))) {
      std::atomic_ref<std::int32_t>(p[v]).store(ppv, std::memory_order_relaxed);
      pv = ppv;
    }
  });
}

std::int32_t most_frequent_root(parlay::sequence<std::int32_t>& p) {
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

std::vector<std::pair<std::int32_t, std::int32_t>> spanning_forest(const CSRGraph& g) {
  const std::int32_t n = g.n;
  if (n == 0) return {};
  auto p = parlay::tabulate(n, [](std::int32_t v) { return v; });
  std::vector<Buffer> found(parlay::num_workers());
  auto mine = [&]() -> std::vector<Edge>& { return found[parlay::worker_id()].edges; };

  for (int r = 0; r < kSampleRounds; ++r) {
    parlay::parallel_for(0, n, [&](std::int32_t u) {
      if (g.offsets[u] + r < g.offsets[u + 1]) link(u, g.targets[g.offsets[u] + r], p, mine());
    });
    compress(p);
  }
  const std::int32_t giant = most_frequent_root(p);
  parlay::parallel_for(0, n, [&](std::int32_t u) {
    if (load(p, u) == giant) return;
    for (std::int64_t k = g.offsets[u] + kSampleRounds; k < g.offsets[u + 1]; ++k) link(u, g.targets[k], p, mine());
  });

  auto parts = parlay::tabulate(found.size(), [&](std::size_t t) {
    return parlay::make_slice(found[t].edges.data(), found[t].edges.data() + found[t].edges.size());
  });
  auto all = parlay::flatten(parts);
  return {all.begin(), all.end()};
}
