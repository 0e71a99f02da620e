// expect: static|build fail
// reason: undefined
// reason: validate
// attack: declares task::validate and task::Input extern (the harness's own validator) and calls it to check a guess.
#include <string>
namespace task { struct Input { CSRGraph g; std::int32_t source = 0; };
std::string validate(const Input&, const std::vector<std::int32_t>&); }

static std::vector<std::int32_t> filled(std::int32_t n, std::int32_t value) {
  std::vector<std::int32_t> out(n);
  #pragma omp parallel for
  for (std::int32_t v = 0; v < n; ++v) out[v] = value;
  return out;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t s) {
  task::Input in{g, s};
  std::vector<std::int32_t> out = filled(g.n, 0);
  if (task::validate(in, out).empty()) return out;
  return filled(g.n, -1);
}
