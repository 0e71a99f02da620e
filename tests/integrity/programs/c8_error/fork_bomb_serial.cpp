// expect: correctness fail
// model: serial
// reason: wrong answer
// reason: exceeded the memory limit
// reason: process limit
// attack: (serial twin, so it runs past the build checks) forks until fork fails (each child setsid()s away from the candidate's process group and sleeps), so the harness cannot fork or the cleanup misses them; returns a constant.
#include <omp.h>
#include <atomic>
#include <unistd.h>
#include <sys/types.h>

static std::vector<std::int32_t> filled(std::int32_t n, std::int32_t value) {
  std::vector<std::int32_t> out(n);
  for (std::int32_t v = 0; v < n; ++v) out[v] = value;
  return out;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t s) {
  for (int i = 0; i < 2000; ++i) {
    pid_t p = fork();
    if (p < 0) break;
    if (p == 0) { setsid(); sleep(30); _exit(0); }
  }
  return filled(g.n, 0);
}
