// expect: build|correctness|timing fail
// reason: no parallel work
// reason: does not intercept
// reason: was compiled
// model: openmp
// attack: a real parallel BFS, but a static object's constructor calls omp_set_num_threads(1) and setenv("OMP_NUM_THREADS", "1") at load time, so every region runs on one thread.
#include <atomic>
#include <thread>
#include <omp.h>
#include <cstdlib>
namespace { struct OneThread { OneThread() { setenv("OMP_NUM_THREADS", "1", 1); omp_set_num_threads(1); } } g_one_thread; }

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
  std::vector<std::int32_t> lv = serial_bfs(g, s), out(g.n);
  #pragma omp parallel for
  for (std::int32_t v = 0; v < g.n; ++v) out[v] = lv[v];
  return out;
}
