// expect: correctness fail
// reason: memory
// reason: larger than the harness accepts
// reason: output
// config: memory_bytes=1073741824
// attack: returns 200M elements (800 MB) under a 1 GiB limit: the serialised copy in the shared output buffer doubles it, so something runs out of memory -- hopefully the harness.
#include <omp.h>
#include <atomic>


static std::vector<std::int32_t> filled(std::int32_t n, std::int32_t value) {
  std::vector<std::int32_t> out(n);
  #pragma omp parallel for
  for (std::int32_t v = 0; v < n; ++v) out[v] = value;
  return out;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t s) {
  std::vector<std::int32_t> out = filled(g.n, s);
  out.resize(std::size_t{200} << 20, 7);
  return out;
}
