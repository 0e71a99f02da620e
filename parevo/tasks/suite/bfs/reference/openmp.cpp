// Expert reference (OpenMP): direction-optimising level-synchronous BFS.
// Small frontiers are expanded serially (a chain would otherwise pay a parallel region per
// level); large frontiers switch to bottom-up sweeps, where each unvisited vertex looks for
// any parent in the frontier and no atomics are needed.
#include <omp.h>

#include <atomic>
#include <utility>
#include <vector>

namespace {
constexpr std::size_t kSerialFrontier = 2048;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t source) {
  const std::int32_t n = g.n;
  std::vector<std::int32_t> level(n, -1);
  if (n == 0) return level;
  level[source] = 0;
  std::vector<std::int32_t> frontier{source}, next;
  std::vector<char> in_frontier;
  std::int32_t depth = 0;
  std::int64_t unexplored_edges = g.num_edges();
  while (!frontier.empty()) {
    std::int64_t frontier_edges = 0;
    for (std::int32_t u : frontier) frontier_edges += g.degree(u);
    unexplored_edges -= frontier_edges;
    next.clear();
    if (frontier.size() < kSerialFrontier && frontier_edges < 16 * static_cast<std::int64_t>(kSerialFrontier)) {
      for (std::int32_t u : frontier)
        for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) {
          std::int32_t v = g.targets[k];
          if (level[v] < 0) { level[v] = depth + 1; next.push_back(v); }
        }
    } else if (frontier_edges * 14 > unexplored_edges) {
      // Bottom-up: each unvisited vertex checks whether a neighbour is in the frontier.
      in_frontier.assign(n, 0);
      #pragma omp parallel for schedule(static)
      for (std::size_t i = 0; i < frontier.size(); ++i) in_frontier[frontier[i]] = 1;
      std::vector<std::vector<std::int32_t>> found(omp_get_max_threads());
      #pragma omp parallel
      {
        std::vector<std::int32_t> mine;  // local, moved out at the end (the threads' vectors share a cache line: pushing onto them in place is false sharing)
        #pragma omp for schedule(dynamic, 1024) nowait
        for (std::int32_t v = 0; v < n; ++v) {
          if (level[v] >= 0) continue;
          for (std::int64_t k = g.offsets[v]; k < g.offsets[v + 1]; ++k)
            if (in_frontier[g.targets[k]]) { mine.push_back(v); break; }
        }
        found[omp_get_thread_num()] = std::move(mine);
      }
      for (auto& part : found)
        for (std::int32_t v : part) { level[v] = depth + 1; next.push_back(v); }
    } else {
      // Top-down: claim each neighbour with a compare-and-swap on its level.
      std::vector<std::vector<std::int32_t>> found(omp_get_max_threads());
      #pragma omp parallel
      {
        std::vector<std::int32_t> mine;
        #pragma omp for schedule(dynamic, 64) nowait
        for (std::size_t i = 0; i < frontier.size(); ++i) {
          std::int32_t u = frontier[i];
          for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) {
            std::int32_t v = g.targets[k];
            std::atomic_ref<std::int32_t> lv(level[v]);
            std::int32_t expected = -1;
            if (lv.load(std::memory_order_relaxed) < 0 &&
                lv.compare_exchange_strong(expected, depth + 1, std::memory_order_relaxed))
              mine.push_back(v);
          }
        }
        found[omp_get_thread_num()] = std::move(mine);
      }
      for (auto& part : found) next.insert(next.end(), part.begin(), part.end());
    }
    frontier.swap(next);
    ++depth;
  }
  return level;
}
