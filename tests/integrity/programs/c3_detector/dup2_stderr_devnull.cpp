// expect: static|build|race fail
// reason: ThreadSanitizer reported
// reason: detector stopped reporting
// attack: points fd 2 at /dev/null for the duration of the racy call (the detector writes its reports to stderr) and restores it before returning, so the harness's canary race after the call is still reported.
#include <omp.h>
#include <atomic>
#include <fcntl.h>
#include <unistd.h>

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


std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t s) {
  int saved = dup(2);
  int null = open("/dev/null", O_WRONLY);
  dup2(null, 2);
  std::vector<std::int32_t> out = racy_bfs(g, s);
  dup2(saved, 2);
  close(saved);
  close(null);
  return out;
}
