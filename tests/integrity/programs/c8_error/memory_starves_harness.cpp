// expect: correctness fail
// reason: memory
// config: memory_bytes=1073741824
// attack: keeps 900 MB allocated and touched (under a 1 GiB limit shared with the harness) across calls, so the harness runs out of memory building the next input; answers correctly.
#include <omp.h>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <vector>
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

static std::vector<std::int32_t> filled(std::int32_t n, std::int32_t value) {
  std::vector<std::int32_t> out(n);
  #pragma omp parallel for
  for (std::int32_t v = 0; v < n; ++v) out[v] = value;
  return out;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t s) {
  static std::vector<char*> hog;
  if (hog.empty())
    for (int i = 0; i < 900; ++i) {
      char* p = static_cast<char*>(std::malloc(1 << 20));
      if (!p) break;
      std::memset(p, 1, 1 << 20);
      hog.push_back(p);
    }
  std::vector<std::int32_t> out = filled(g.n, 0);
  return g.n ? serial_bfs(g, s) : out;
}
