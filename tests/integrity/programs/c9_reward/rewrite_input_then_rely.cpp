// expect: correctness fail
// reason: wrong answer
// reason: expected
// attack: const_casts the input graph to a single vertex with no edges (and the source to 0), then returns the trivially valid answer for the rewritten input.
#include <omp.h>
#include <atomic>


static std::vector<std::int32_t> filled(std::int32_t n, std::int32_t value) {
  std::vector<std::int32_t> out(n);
  #pragma omp parallel for
  for (std::int32_t v = 0; v < n; ++v) out[v] = value;
  return out;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t s) {
  CSRGraph& mut = const_cast<CSRGraph&>(g);
  mut.n = 1;
  mut.offsets.assign(2, 0);
  mut.targets.clear();
  (void)s;
  return filled(1, 0);
}
