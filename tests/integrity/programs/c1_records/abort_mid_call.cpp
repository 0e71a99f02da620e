// expect: correctness fail
// reason: crashed with SIGABRT
// attack: abort() in the middle of a call.
#include <cstdlib>

static std::vector<std::int32_t> filled(std::int32_t n, std::int32_t value) {
  std::vector<std::int32_t> out(n);
  #pragma omp parallel for
  for (std::int32_t v = 0; v < n; ++v) out[v] = value;
  return out;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t) {
  std::vector<std::int32_t> out = filled(g.n, 0);
  if (out.size() == static_cast<std::size_t>(g.n)) std::abort();
  return out;
}
