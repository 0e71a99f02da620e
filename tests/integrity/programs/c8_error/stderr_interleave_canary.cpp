// expect: correctness|race fail
// reason: MiB to one output
// reason: ThreadSanitizer reported
// reason: stopped reporting
// attack: a static object's constructor sprays stderr with short writes without newlines while sibling candidate processes load, to split the harness's canary-race report lines so the 'before' canary is not recognised (a verifier error instead of a race verdict); the BFS itself is racy.
#include <omp.h>
#include <atomic>
#include <unistd.h>
#include <chrono>
namespace { struct Spray { Spray() {
  auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(1500);
  while (std::chrono::steady_clock::now() < end) (void)!write(2, "SUMMARY: ", 9);
} } g_spray; }
// A level-synchronous OpenMP BFS with a plain (racy) check-then-write on level[v]: benign in
// practice (every writer stores the same level), a data race all the same.
static std::vector<std::int32_t> racy_bfs(const CSRGraph& g, std::int32_t source) {
  const std::int32_t n = g.n;
  std::vector<std::int32_t> level(n, -1);
  if (n == 0) return level;
  level[source] = 0;
  std::vector<std::int32_t> frontier{source};
  std::int32_t depth = 0;
  while (!frontier.empty()) {
    std::vector<std::vector<std::int32_t>> found(omp_get_max_threads());
    #pragma omp parallel
    {
      std::vector<std::int32_t> mine;
      #pragma omp for schedule(static, 1) nowait
      for (std::size_t i = 0; i < frontier.size(); ++i) {
        std::int32_t u = frontier[i];
        for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) {
          std::int32_t v = g.targets[k];
          if (level[v] < 0) { level[v] = depth + 1; mine.push_back(v); }
        }
      }
      found[omp_get_thread_num()] = std::move(mine);
    }
    std::vector<std::int32_t> next;
    for (auto& part : found) next.insert(next.end(), part.begin(), part.end());
    frontier.swap(next);
    ++depth;
  }
  return level;
}

static std::vector<std::int32_t> filled(std::int32_t n, std::int32_t value) {
  std::vector<std::int32_t> out(n);
  #pragma omp parallel for
  for (std::int32_t v = 0; v < n; ++v) out[v] = value;
  return out;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t s) {
  return racy_bfs(g, s);
}
