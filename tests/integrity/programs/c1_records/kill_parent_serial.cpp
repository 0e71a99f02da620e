// expect: correctness fail
// model: serial
// reason: wrong answer
// attack: (serial twin, so it runs past the build checks) kills the harness (getppid()) and its process group with SIGKILL, SIGSTOP and SIGTERM, hoping a dead harness reads as a pass; then returns a constant.
#include <signal.h>
#include <unistd.h>

static std::vector<std::int32_t> filled(std::int32_t n, std::int32_t value) {
  std::vector<std::int32_t> out(n);
  for (std::int32_t v = 0; v < n; ++v) out[v] = value;
  return out;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t) {
  pid_t parent = getppid();
  kill(parent, SIGSTOP);
  kill(parent, SIGKILL);
  kill(parent, SIGTERM);
  kill(-getpgid(parent), SIGKILL);
  kill(-1, SIGKILL);  // everything this uid may signal (itself included, last)
  return filled(g.n, 0);
}
