// expect: correctness fail
// reason: candidate process
// reason: crashed
// reason: protocol
// attack: setjmp in a static object's constructor (load time), longjmp back to it from inside the call: the stack of dlopen() is gone, the harness's code after the call never runs.
#include <omp.h>
#include <atomic>
#include <csetjmp>
namespace { std::jmp_buf g_env; bool g_armed = false;
struct Arm { Arm() { if (setjmp(g_env) == 0) g_armed = true; } } g_arm; }

static std::vector<std::int32_t> filled(std::int32_t n, std::int32_t value) {
  std::vector<std::int32_t> out(n);
  #pragma omp parallel for
  for (std::int32_t v = 0; v < n; ++v) out[v] = value;
  return out;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t s) {
  std::vector<std::int32_t> out = filled(g.n, s);
  if (g_armed) std::longjmp(g_env, 1);
  return out;
}
