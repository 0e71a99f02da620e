// expect: build|correctness|timing fail
// reason: no parallel work
// reason: was compiled
// model: parlay
// requires: parlay
// config: timing_size=1000
// attack: declared parlay, serial inside a one-element parallel_for, evaluated with a timing size (1000) too small for any call to be judged: the check must judge at larger sizes, not pass by default.
#include <parlay/parallel.h>

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
  parlay::parallel_for(0, 1, [&](std::size_t) { out = serial_bfs(g, s); });
  return out;
}
