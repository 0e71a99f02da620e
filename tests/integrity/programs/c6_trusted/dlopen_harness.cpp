// expect: static|build|correctness fail
// reason: dlopen
// reason: dlsym
// reason: wrong answer
// attack: dlopen(nullptr) and dlopen("/proc/self/exe") of the harness binary, then dlsym for task::validate and task::generate; falls back to a guess.
#include <dlfcn.h>

static std::vector<std::int32_t> filled(std::int32_t n, std::int32_t value) {
  std::vector<std::int32_t> out(n);
  #pragma omp parallel for
  for (std::int32_t v = 0; v < n; ++v) out[v] = value;
  return out;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t s) {
  void* self = dlopen(nullptr, RTLD_NOW);
  void* exe = dlopen("/proc/self/exe", RTLD_NOW);
  for (void* h : {self, exe, RTLD_DEFAULT}) {
    if (h && dlsym(h, "_ZN4task8validateERKNS_5InputERKSt6vectorIiSaIiEE")) return filled(g.n, s);
  }
  return filled(g.n, 0);
}
