// expect: correctness fail
// reason: MiB
// attack: raises SIGXFSZ (the file-size-limit signal) so the death looks like a verifier limit.
#include <omp.h>
#include <atomic>
#include <csignal>

static std::vector<std::int32_t> filled(std::int32_t n, std::int32_t value) {
  std::vector<std::int32_t> out(n);
  #pragma omp parallel for
  for (std::int32_t v = 0; v < n; ++v) out[v] = value;
  return out;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t s) {
  std::vector<std::int32_t> out = filled(g.n, s);
  if (out.size() == static_cast<std::size_t>(g.n)) std::raise(SIGXFSZ);
  return out;
}
