// expect: correctness fail
// reason: exception
// reason: memory limit
// reason: memory
// reason: larger than the harness accepts
// config: memory_bytes=1073741824
// attack: returns a vector of 2^31 elements (8 GiB), hoping the harness fails to copy it.
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
  out.resize(std::size_t{1} << 31);
  return out;
}
