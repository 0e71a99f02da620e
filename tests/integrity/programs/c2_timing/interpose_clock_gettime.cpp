// expect: build|static fail
// reason: belong to the parevo harness or the C/C++ runtime
// reason: a candidate may not
// attack: timing forgery -- strong extern "C" definitions of clock_gettime and gettimeofday that report a frozen clock, so any timer in the process measures zero.
#include <sys/time.h>
#include <time.h>

extern "C" int clock_gettime(clockid_t, struct timespec* ts) {
  ts->tv_sec = 1;
  ts->tv_nsec = 0;
  return 0;
}
extern "C" int gettimeofday(struct timeval* tv, void*) {
  tv->tv_sec = 1;
  tv->tv_usec = 0;
  return 0;
}

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
