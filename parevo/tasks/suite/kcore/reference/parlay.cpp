// Expert reference (ParlayLib): level-by-level parallel peeling, as in the OpenMP reference.
// At level k a parlay::filter keeps the vertices not yet peeled and another picks those whose
// remaining degree is k; peeling a frontier decrements every neighbour still above k with an
// atomic fetch_sub, and the decrements that land exactly on k name the next frontier: each
// frontier vertex writes the neighbours it brought down into its own stretch of a flat array
// (offsets from a parlay::scan of the frontier's degrees), and a parlay::filter collects them.
// Small frontiers (a chain peels two vertices per step) are peeled serially as a work list.
// At the end every vertex's remaining degree is its core number.
#include <parlay/parallel.h>
#include <parlay/primitives.h>
#include <parlay/sequence.h>

#include <algorithm>
#include <atomic>
#include <limits>
#include <vector>

namespace {
constexpr std::size_t kSerialFrontier = 1024;
}

std::vector<std::int32_t> core_numbers(const CSRGraph& g) {
  const std::int32_t n = g.n;
  std::vector<std::int32_t> deg(n);
  parlay::parallel_for(0, n, [&](std::size_t v) { deg[v] = static_cast<std::int32_t>(g.degree(v)); });
  parlay::sequence<std::int32_t> remaining = parlay::tabulate(n, [](std::size_t v) { return static_cast<std::int32_t>(v); });
  parlay::sequence<std::int32_t> frontier;

  std::int64_t peeled = 0;
  std::int32_t k = 0;
  while (peeled < n) {
    // Drop peeled vertices (their degree is below k), then take those at exactly k.
    remaining = parlay::filter(remaining, [&](std::int32_t v) { return deg[v] >= k; });
    frontier = parlay::filter(remaining, [&](std::int32_t v) { return deg[v] == k; });
    if (frontier.empty()) {  // no vertex at this level: jump to the smallest remaining degree
      k = parlay::reduce(parlay::delayed_map(remaining, [&](std::int32_t v) { return deg[v]; }),
                         parlay::minimum<std::int32_t>());
      continue;
    }
    while (!frontier.empty()) {
      peeled += static_cast<std::int64_t>(frontier.size());
      if (frontier.size() < kSerialFrontier) {
        std::vector<std::int32_t> work(frontier.begin(), frontier.end());
        while (!work.empty() && work.size() < 4 * kSerialFrontier) {
          const std::int32_t u = work.back();
          work.pop_back();
          for (std::int64_t e = g.offsets[u]; e < g.offsets[u + 1]; ++e) {
            const std::int32_t v = g.targets[e];
            if (deg[v] > k && --deg[v] == k) {
              work.push_back(v);
              ++peeled;
            }
          }
        }
        peeled -= static_cast<std::int64_t>(work.size());  // counted again next round
        frontier = parlay::sequence<std::int32_t>(work.begin(), work.end());
        continue;
      }
      auto offsets = parlay::map(frontier, [&](std::int32_t u) { return g.degree(u); });
      const std::int64_t total = parlay::scan_inplace(offsets);
      parlay::sequence<std::int32_t> fell(total, -1);
      parlay::parallel_for(0, frontier.size(), [&](std::size_t i) {
        const std::int32_t u = frontier[i];
        std::int64_t out = offsets[i];
        for (std::int64_t e = g.offsets[u]; e < g.offsets[u + 1]; ++e, ++out) {
          const std::int32_t v = g.targets[e];
          std::atomic_ref<std::int32_t> dv(deg[v]);
          if (dv.load(std::memory_order_relaxed) <= k) continue;
          const std::int32_t before = dv.fetch_sub(1, std::memory_order_relaxed);
          if (before == k + 1) fell[out] = v;
          else if (before <= k) dv.fetch_add(1, std::memory_order_relaxed);
        }
      }, 1);
      frontier = parlay::filter(fell, [](std::int32_t v) { return v >= 0; });
    }
    ++k;
  }
  return deg;
}
