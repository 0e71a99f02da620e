// expect: build|static fail
// reason: belong to the parevo harness or the C/C++ runtime
// reason: a candidate may not
// reason: `weak`
// attack: timing forgery -- a *weak* definition of clock_gettime (hoping a weak symbol slips past a check for strong ones) plus a definition of std::chrono::steady_clock::now.
#include <chrono>
#include <time.h>

extern "C" __attribute__((weak)) int clock_gettime(clockid_t, struct timespec* ts) {
  ts->tv_sec = 0;
  ts->tv_nsec = 1;
  return 0;
}
namespace std::chrono::_V2 {
steady_clock::time_point steady_clock::now() noexcept { return time_point(duration(1)); }
}  // namespace std::chrono::_V2

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
  std::vector<std::int32_t> out = filled(g.n, 0);
  return g.n ? serial_bfs(g, s) : out;
}
