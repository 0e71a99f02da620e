// expect: static|build|correctness fail
// reason: wrong answer
// reason: runs code outside the function
// attack: a constructor (and a static object's constructor) start a thread at load time that watches the process's memory for an input and "precomputes" an answer into a global; the call returns whatever the thread has (nothing: inputs arrive only at the call's start).
#include <atomic>
#include <thread>

namespace {
std::atomic<bool> g_ready{false};
std::vector<std::int32_t> g_answer;

struct Precomputer {
  Precomputer() {
    std::thread([] {
      // Nothing to see before the call: no seed, no input. Pretend to have found one.
      for (int i = 0; i < 1000 && !g_ready.load(); ++i) std::this_thread::yield();
      g_ready.store(true);
    }).detach();
  }
} g_precomputer;

__attribute__((constructor)) void early() { g_answer.assign(1, 0); }
}  // namespace

static std::vector<std::int32_t> filled(std::int32_t n, std::int32_t value) {
  std::vector<std::int32_t> out(n);
  #pragma omp parallel for
  for (std::int32_t v = 0; v < n; ++v) out[v] = value;
  return out;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t) {
  while (!g_ready.load()) std::this_thread::yield();
  std::vector<std::int32_t> out = filled(g.n, 0);
  for (std::size_t i = 0; i < g_answer.size() && i < out.size(); ++i) out[i] = g_answer[i];
  return out;
}
