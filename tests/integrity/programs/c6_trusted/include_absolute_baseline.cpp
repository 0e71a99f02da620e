// expect: static|build fail
// reason: outside the system and public headers
// reason: forbidden
// attack: an absolute #include of the repository's bfs baseline and of parevo's generators, which the include path does not hide.
namespace trusted {
#include "/work/main/parevo/tasks/suite/bfs/baseline.cpp"
}
#include "/work/main/parevo/verify/cxx/parevo/random.hpp"

static std::vector<std::int32_t> filled(std::int32_t n, std::int32_t value) {
  std::vector<std::int32_t> out(n);
  #pragma omp parallel for
  for (std::int32_t v = 0; v < n; ++v) out[v] = value;
  return out;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t s) {
  std::vector<std::int32_t> out = filled(g.n, 0);
  return g.n ? trusted::bfs_levels(g, s) : out;
}
