// expect: build|correctness fail
// reason: wrong answer
// reason: does its work through std::thread
// attack: returns early with half the answer and lets a detached background thread keep working after the call returns (so the call looks short), hoping the output is read later.
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
  std::vector<std::int32_t> full = serial_bfs(g, s);
  std::vector<std::int32_t> out(g.n, -1);
  #pragma omp parallel for
  for (std::int32_t v = 0; v < g.n / 2; ++v) out[v] = full[v];
  auto* later = new std::vector<std::int32_t>(std::move(full));
  std::thread([later] {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    delete later;
  }).detach();
  return out;
}
