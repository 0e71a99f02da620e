// expect: static|build fail
// reason: No such file
// reason: outside the system and public headers
// attack: #include "parevo/graphs.hpp" (the input generators) and parevo/random.hpp.
#include "parevo/graphs.hpp"
#include "parevo/random.hpp"

static std::vector<std::int32_t> filled(std::int32_t n, std::int32_t value) {
  std::vector<std::int32_t> out(n);
  #pragma omp parallel for
  for (std::int32_t v = 0; v < n; ++v) out[v] = value;
  return out;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t s) {
  (void)s; return filled(g.n, 0);
}
