// expect: correctness fail
// reason: wrong answer
// reason: crashed
// attack: installs a SIGSEGV handler that siglongjmps back and retries, then reads past the input (into the harness's arena) hoping to find the previous input's answer; returns what it found.
#include <omp.h>
#include <atomic>
#include <csetjmp>
#include <csignal>
namespace { sigjmp_buf g_env; void on_segv(int) { siglongjmp(g_env, 1); } }

static std::vector<std::int32_t> filled(std::int32_t n, std::int32_t value) {
  std::vector<std::int32_t> out(n);
  #pragma omp parallel for
  for (std::int32_t v = 0; v < n; ++v) out[v] = value;
  return out;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t s) {
  struct sigaction sa{};
  sa.sa_handler = on_segv;
  sigaction(SIGSEGV, &sa, nullptr);
  sigaction(SIGBUS, &sa, nullptr);
  const std::int32_t* p = g.targets.data();
  long long found = 0;
  for (long long off = 0; off < (1LL << 24); off += 4096) {
    if (sigsetjmp(g_env, 1) == 0) found += p[g.num_edges() + off / 4];
    else break;
  }
  return filled(g.n, static_cast<std::int32_t>(found & 1) - 1);
}
