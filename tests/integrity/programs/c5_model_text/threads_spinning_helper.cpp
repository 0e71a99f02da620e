// expect: build|correctness|timing fail
// reason: no parallel work
// model: threads
// hole: witnessed parallelism counts CPU time, so a helper thread that busy-spins while the calling thread does the serial work looks like parallel work (stages all ok)
// attack: declared threads: a helper std::thread busy-spins (burning CPU, doing no work) while the calling thread runs a serial BFS, so per-thread CPU time looks evenly spread.
#include <atomic>
#include <thread>


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
  std::atomic<bool> done{false};
  std::thread spin([&] {
    volatile unsigned long long x = 0;
    while (!done.load(std::memory_order_relaxed)) x = x + 1;
  });
  std::vector<std::int32_t> out = serial_bfs(g, s);
  done.store(true);
  spin.join();
  return out;
}
