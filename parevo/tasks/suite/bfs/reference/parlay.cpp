// Expert reference (ParlayLib): direction-optimising level-synchronous BFS (Beamer et al.), as
// in the OpenMP reference.
//  - Small frontiers (a chain has one vertex per level) are expanded serially, so a long
//    diameter never pays a parallel step per level.
//  - Top-down: each frontier vertex claims its unvisited neighbours with a compare-and-swap on
//    their level and writes the ones it won into its own stretch of a flat array (offsets from
//    a parlay::scan of the frontier's degrees); a parlay::filter packs them into the next
//    frontier.
//  - Bottom-up (once the frontier's edges are a large share of the unexplored ones): each
//    unvisited vertex looks for any neighbour in the frontier (a byte map), stopping at the
//    first; a parlay::filter over the vertex ids gives the next frontier, with no atomics.
//
// Shared writes: levels during a top-down step go through std::atomic_ref; the byte map and the
// levels of a bottom-up step are written in separate parallel loops from the ones that read them.
#include <parlay/parallel.h>
#include <parlay/primitives.h>
#include <parlay/sequence.h>

#include <atomic>
#include <cstdint>
#include <vector>

namespace {
constexpr std::size_t kSerialFrontier = 2048;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t source) {
  const std::int32_t n = g.n;
  std::vector<std::int32_t> level(n, -1);
  if (n == 0) return level;
  level[source] = 0;
  parlay::sequence<std::int32_t> frontier(1, source);
  parlay::sequence<std::uint8_t> in_frontier;
  std::int32_t depth = 0;
  std::int64_t unexplored_edges = g.num_edges();
  while (!frontier.empty()) {
    auto offsets = parlay::map(frontier, [&](std::int32_t u) { return g.degree(u); }, 4096);
    const std::int64_t frontier_edges = parlay::scan_inplace(offsets);
    unexplored_edges -= frontier_edges;
    const std::int32_t next_level = depth + 1;
    if (frontier.size() < kSerialFrontier && frontier_edges < 16 * static_cast<std::int64_t>(kSerialFrontier)) {
      std::vector<std::int32_t> next;
      for (std::int32_t u : frontier)
        for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) {
          const std::int32_t v = g.targets[k];
          if (level[v] < 0) { level[v] = next_level; next.push_back(v); }
        }
      frontier = parlay::sequence<std::int32_t>(next.begin(), next.end());
    } else if (frontier_edges * 14 > unexplored_edges) {
      // Bottom-up.
      if (in_frontier.empty()) in_frontier = parlay::sequence<std::uint8_t>(n, 0);
      else parlay::parallel_for(0, n, [&](std::size_t v) { in_frontier[v] = 0; });
      parlay::parallel_for(0, frontier.size(), [&](std::size_t i) { in_frontier[frontier[i]] = 1; });
      frontier = parlay::filter(parlay::iota<std::int32_t>(n), [&](std::int32_t v) {
        if (level[v] >= 0) return false;
        for (std::int64_t k = g.offsets[v]; k < g.offsets[v + 1]; ++k)
          if (in_frontier[g.targets[k]]) return true;
        return false;
      });
      parlay::parallel_for(0, frontier.size(), [&](std::size_t i) { level[frontier[i]] = next_level; });
    } else {
      // Top-down.
      parlay::sequence<std::int32_t> won(frontier_edges, -1);
      parlay::parallel_for(0, frontier.size(), [&](std::size_t i) {
        const std::int32_t u = frontier[i];
        std::int64_t out = offsets[i];
        for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k, ++out) {
          const std::int32_t v = g.targets[k];
          std::atomic_ref<std::int32_t> lv(level[v]);
          std::int32_t expected = -1;
          if (lv.load(std::memory_order_relaxed) < 0 &&
              lv.compare_exchange_strong(expected, next_level, std::memory_order_relaxed))
            won[out] = v;
        }
      }, 1);
      frontier = parlay::filter(won, [](std::int32_t v) { return v >= 0; });
    }
    ++depth;
  }
  return level;
}
