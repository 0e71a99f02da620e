// expect: static|build|race fail
// reason: prctl
// reason: syscall
// reason: ThreadSanitizer reported
// attack: prctl(PR_SET_DUMPABLE) and a raw syscall(SYS_dup3) pointing fd 2 at /dev/null (past any dup2 interceptor) during the racy call.
#include <omp.h>
#include <atomic>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
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
  prctl(PR_SET_DUMPABLE, 1);
  int saved = dup(2);
  int null = open("/dev/null", O_WRONLY);
  syscall(SYS_dup3, null, 2, 0);
  std::vector<std::int32_t> out = racy_bfs(g, s);
  syscall(SYS_dup3, saved, 2, 0);
  return out;
}
