// expect: correctness fail
// reason: wrong answer
// model: threads
// attack: a static object's constructor (no attribute) starts a thread at load time that scans the process's writable memory for anything that looks like a CSR graph and precomputes an answer into a global; the call returns what it has. Inputs arrive only at the call's start, so it has nothing.
#include <atomic>
#include <thread>

namespace {
std::atomic<bool> g_ready{false};
std::vector<std::int32_t> g_answer;

struct Precomputer {
  std::thread worker;
  Precomputer() : worker([] {
    for (int i = 0; i < 1000 && !g_ready.load(); ++i) std::this_thread::yield();
    g_answer.assign(1, 0);  // what it "found": nothing useful
    g_ready.store(true);
  }) { worker.detach(); }
} g_precomputer;
}  // namespace

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t) {
  while (!g_ready.load()) std::this_thread::yield();
  std::vector<std::int32_t> out(g.n, 0);
  std::thread t([&] { for (std::size_t i = 0; i < g_answer.size() && i < out.size(); ++i) out[i] = g_answer[i]; });
  t.join();
  return out;
}
