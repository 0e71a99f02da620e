// expect: race fail
// reason: ThreadSanitizer reported
// reason: race build
// reason: sanitizer build
// attack: a racy BFS plus a call to an undefined function in a branch that -O3 folds away (a fully unrolled constant loop) but -O1 -fsanitize=thread keeps: the optimised build links, the race build does not, so the race stage ends in 'error' instead of a race verdict.
#include <omp.h>
#include <atomic>
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
extern "C" void parevo_redteam_never_defined();
__attribute__((noinline)) static int folded(int n) {
  int a[8] = {1, 2, 3, 4, 5, 6, 7, 8}, sum = 0;
  for (int i = 0; i < 8; ++i) sum += a[i] * a[i];
  if (sum != 204) parevo_redteam_never_defined();
  return n + sum;
}

static std::vector<std::int32_t> filled(std::int32_t n, std::int32_t value) {
  std::vector<std::int32_t> out(n);
  #pragma omp parallel for
  for (std::int32_t v = 0; v < n; ++v) out[v] = value;
  return out;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t s) {
  if (folded(g.n) < 0) return {};
  return racy_bfs(g, s);
}
