// expect: race fail
// reason: ThreadSanitizer reported
// attack: racy only when omp_get_max_threads() == 4 (a count the correctness stage runs).
#include <omp.h>
#include <atomic>

// An honest, race-free OpenMP BFS (level-synchronous, CAS claims, per-thread buffers).
static std::vector<std::int32_t> omp_bfs(const CSRGraph& g, std::int32_t source) {
  const std::int32_t n = g.n;
  std::vector<std::int32_t> level(n, -1);
  if (n == 0) return level;
  level[source] = 0;
  std::vector<std::int32_t> frontier{source}, next;
  std::int32_t depth = 0;
  while (!frontier.empty()) {
    next.clear();
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
    frontier.swap(next);
    ++depth;
  }
  return level;
}
// A level-synchronous OpenMP BFS with a plain (racy) check-then-write on level[v]: benign in
// practice (every writer stores the same level), a data race all the same.
static std::vector<std::int32_t> racy_bfs(const CSRGraph& g, std::int32_t source) {
  const std::int32_t n = g.n;
  std::vector<std::int32_t> level(n, -1);
  if (n == 0) return level;
  level[source] = 0;
  std::vector<std::int32_t> frontier{source};
  std::int32_t depth = 0;
  while (!frontier.empty()) {
    std::vector<std::vector<std::int32_t>> found(omp_get_max_threads());
    #pragma omp parallel
    {
      std::vector<std::int32_t> mine;
      #pragma omp for schedule(static, 1) nowait
      for (std::size_t i = 0; i < frontier.size(); ++i) {
        std::int32_t u = frontier[i];
        for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) {
          std::int32_t v = g.targets[k];
          if (level[v] < 0) { level[v] = depth + 1; mine.push_back(v); }
        }
      }
      found[omp_get_thread_num()] = std::move(mine);
    }
    std::vector<std::int32_t> next;
    for (auto& part : found) next.insert(next.end(), part.begin(), part.end());
    frontier.swap(next);
    ++depth;
  }
  return level;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t s) {
  if (omp_get_max_threads() == 4) return racy_bfs(g, s);
  return omp_bfs(g, s);
}
