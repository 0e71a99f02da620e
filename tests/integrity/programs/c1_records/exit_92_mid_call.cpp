// expect: correctness fail
// reason: exited (code 92)
// attack: ends the process with _exit(92) in the middle of a call (92 is one of the harness's own usage exit codes), hoping the exit status is read as the verdict.
#include <unistd.h>
#include <cstdlib>

static std::vector<std::int32_t> filled(std::int32_t n, std::int32_t value) {
  std::vector<std::int32_t> out(n);
  #pragma omp parallel for
  for (std::int32_t v = 0; v < n; ++v) out[v] = value;
  return out;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t) {
  std::vector<std::int32_t> out = filled(g.n, 0);
  if (out.size() == static_cast<std::size_t>(g.n)) _exit(92);
  return out;
}
