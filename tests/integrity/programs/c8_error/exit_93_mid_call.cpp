// expect: correctness fail
// reason: exited (code 93)
// attack: _exit(93), the harness's own 'could not set up its processes' code, hoping it is read as a verifier failure.
#include <omp.h>
#include <atomic>
#include <unistd.h>

static std::vector<std::int32_t> filled(std::int32_t n, std::int32_t value) {
  std::vector<std::int32_t> out(n);
  #pragma omp parallel for
  for (std::int32_t v = 0; v < n; ++v) out[v] = value;
  return out;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t s) {
  std::vector<std::int32_t> out = filled(g.n, s);
  if (out.size() == static_cast<std::size_t>(g.n)) _exit(93);
  return out;
}
