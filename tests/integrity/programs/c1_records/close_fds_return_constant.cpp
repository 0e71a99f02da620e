// expect: correctness fail
// reason: candidate process
// attack: closes every inherited descriptor 3..1023 (the harness's socket and output buffer among them) and returns a constant, hoping a broken channel is not counted.
#include <unistd.h>

static std::vector<std::int32_t> filled(std::int32_t n, std::int32_t value) {
  std::vector<std::int32_t> out(n);
  #pragma omp parallel for
  for (std::int32_t v = 0; v < n; ++v) out[v] = value;
  return out;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t) {
  for (int fd = 3; fd < 1024; ++fd) close(fd);
  return filled(g.n, 0);
}
