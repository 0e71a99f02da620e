// expect: build|correctness|timing fail
// reason: no parallel work
// model: openmp
// hole: witnessed parallelism counts CPU time, so team threads that busy-spin while thread 0 does the serial work look like parallel work (stages all ok)
// attack: declared openmp: a #pragma omp parallel team where thread 0 runs the serial BFS and every other thread busy-spins until it is done, so the team's CPU time looks evenly spread.
#include <atomic>
#include <thread>
#include <omp.h>

static std::vector<std::int32_t> serial_bfs(const CSRGraph& g, std::int32_t s) {
  std::vector<std::int32_t> level(g.n, -1);
  if (g.n == 0) return level;
  std::vector<std::int32_t> q{s};
  level[s] = 0;
  for (std::size_t i = 0; i < q.size(); ++i) {
    std::int32_t u = q[i];
    for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) {
      std::int32_t v = g.targets[k];
      if (level[v] < 0) { level[v] = level[u] + 1; q.push_back(v); }
    }
  }
  return level;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t s) {
  std::vector<std::int32_t> out;
  std::atomic<bool> done{false};
  #pragma omp parallel
  {
    if (omp_get_thread_num() == 0) {
      out = serial_bfs(g, s);
      done.store(true);
    } else {
      volatile unsigned long long x = 0;
      while (!done.load(std::memory_order_relaxed)) x = x + 1;
    }
  }
  return out;
}
