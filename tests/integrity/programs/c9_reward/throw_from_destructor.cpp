// expect: correctness fail
// reason: exception
// reason: crashed
// attack: a local object whose noexcept(false) destructor throws while the result is being returned.
#include <omp.h>
#include <atomic>


static std::vector<std::int32_t> filled(std::int32_t n, std::int32_t value) {
  std::vector<std::int32_t> out(n);
  #pragma omp parallel for
  for (std::int32_t v = 0; v < n; ++v) out[v] = value;
  return out;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t s) {
  struct Bomb { ~Bomb() noexcept(false) { throw 7; } };
  std::vector<std::int32_t> out = filled(g.n, s);
  { Bomb b; (void)b; }
  return out;
}
