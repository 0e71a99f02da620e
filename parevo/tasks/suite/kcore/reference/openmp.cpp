// Expert reference (OpenMP): level-by-level parallel peeling (in the style of PKC, Kabir and
// Madduri 2017). At level k, a parallel scan of the vertices not yet peeled finds those whose
// remaining degree is k (and drops peeled ones from the list, so later scans get shorter; a
// level with no such vertex jumps straight to the smallest remaining degree). Peeling a vertex
// decrements the degree of each neighbour still above k with an atomic fetch_sub; the thread
// whose decrement brings a neighbour down to exactly k peels it next, in the same level. A
// decrement that finds a neighbour already at k (someone else got there first) is undone.
// When it ends, every vertex's remaining degree is its core number.
//
// Small frontiers (a chain peels from its two ends, two vertices per step) are peeled serially
// as a work list, so no level pays a parallel region per step; a few vertices with many edges
// (the hubs at the top levels of an rMat graph) are peeled in parallel, one hub per grab. Shared writes: degrees through
// std::atomic_ref in parallel phases; lists through per-thread buffers copied at offsets.
#include <omp.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace {

constexpr std::size_t kSerialFrontier = 1024;
constexpr std::int64_t kSerialEdges = 16384;

using Buffers = std::vector<std::vector<std::int32_t>>;

// Concatenates the per-thread buffers into `out` (serially: they are copied once per round).
void concat(Buffers& parts, std::vector<std::int32_t>& out) {
  out.clear();
  for (auto& p : parts) {
    out.insert(out.end(), p.begin(), p.end());
    p.clear();
  }
}

}  // namespace

std::vector<std::int32_t> core_numbers(const CSRGraph& g) {
  const std::int32_t n = g.n;
  std::vector<std::int32_t> deg(n), remaining(n), frontier;
  #pragma omp parallel for schedule(static)
  for (std::int32_t v = 0; v < n; ++v) {
    deg[v] = static_cast<std::int32_t>(g.degree(v));
    remaining[v] = v;
  }
  const int max_threads = omp_get_max_threads();
  Buffers found(max_threads), kept(max_threads);
  std::vector<std::size_t> f_at(max_threads + 1, 0), r_at(max_threads + 1, 0);
  std::vector<std::int32_t> rest;

  std::int64_t peeled = 0;
  std::int32_t k = 0;
  while (peeled < n) {
    // Scan: vertices at degree k join the frontier, those above stay, peeled ones (below k) go.
    std::int32_t smallest_above = std::numeric_limits<std::int32_t>::max();
    #pragma omp parallel reduction(min : smallest_above)
    {
      const int t = omp_get_thread_num();
      // Pushed onto local vectors (moved in and out, so capacity is kept): the threads' vectors
      // share a cache line, and pushing onto them in place is false sharing.
      std::vector<std::int32_t> f = std::move(found[t]), r = std::move(kept[t]);
      #pragma omp for schedule(static) nowait
      for (std::size_t i = 0; i < remaining.size(); ++i) {
        const std::int32_t v = remaining[i], d = deg[v];
        if (d == k) f.push_back(v);
        else if (d > k) { r.push_back(v); smallest_above = std::min(smallest_above, d); }
      }
      found[t] = std::move(f);
      kept[t] = std::move(r);
      #pragma omp barrier
      // Concatenate the per-thread parts in parallel, each at its offset.
      #pragma omp single
      {
        for (int s = 0; s < max_threads; ++s) {
          f_at[s + 1] = f_at[s] + found[s].size();
          r_at[s + 1] = r_at[s] + kept[s].size();
        }
        frontier.resize(f_at[max_threads]);
        rest.resize(r_at[max_threads]);
      }
      std::copy(found[t].begin(), found[t].end(), frontier.begin() + static_cast<std::ptrdiff_t>(f_at[t]));
      std::copy(kept[t].begin(), kept[t].end(), rest.begin() + static_cast<std::ptrdiff_t>(r_at[t]));
      found[t].clear();
      kept[t].clear();
    }
    remaining.swap(rest);
    if (frontier.empty()) {  // no vertex at this level: jump to the smallest remaining degree
      k = smallest_above;
      continue;
    }
    // Peel level k until no vertex falls to k any more.
    while (!frontier.empty()) {
      peeled += static_cast<std::int64_t>(frontier.size());
      std::int64_t frontier_edges = 0;
      if (frontier.size() < kSerialFrontier)
        for (std::int32_t u : frontier) frontier_edges += g.degree(u);
      if (frontier.size() < kSerialFrontier && frontier_edges < kSerialEdges) {
        // Serial work list; vertices that fall to k are peeled in the same loop.
        while (!frontier.empty() && frontier.size() < 4 * kSerialFrontier) {
          const std::int32_t u = frontier.back();
          frontier.pop_back();
          for (std::int64_t e = g.offsets[u]; e < g.offsets[u + 1]; ++e) {
            const std::int32_t v = g.targets[e];
            if (deg[v] > k && --deg[v] == k) {
              frontier.push_back(v);
              ++peeled;
            }
          }
        }
        peeled -= static_cast<std::int64_t>(frontier.size());  // counted again next round
        continue;
      }
      // Small chunks when the frontier is short (a few hubs): one hub per grab.
      const int chunk = static_cast<int>(std::clamp<std::size_t>(frontier.size() / (8 * max_threads), 1, 64));
      #pragma omp parallel
      {
        std::vector<std::int32_t> f = std::move(found[omp_get_thread_num()]);
        #pragma omp for schedule(dynamic, chunk) nowait
        for (std::size_t i = 0; i < frontier.size(); ++i) {
          const std::int32_t u = frontier[i];
          for (std::int64_t e = g.offsets[u]; e < g.offsets[u + 1]; ++e) {
            const std::int32_t v = g.targets[e];
            std::atomic_ref<std::int32_t> dv(deg[v]);
            if (dv.load(std::memory_order_relaxed) <= k) continue;
            const std::int32_t before = dv.fetch_sub(1, std::memory_order_relaxed);
            if (before == k + 1) f.push_back(v);
            else if (before <= k) dv.fetch_add(1, std::memory_order_relaxed);
          }
        }
        found[omp_get_thread_num()] = std::move(f);
      }
      concat(found, frontier);
    }
    ++k;
  }
  return deg;
}
