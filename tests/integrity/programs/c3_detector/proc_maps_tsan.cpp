// expect: static|build|race fail
// reason: /proc
// reason: ThreadSanitizer reported
// attack: reads /proc/self/maps looking for libtsan; serial under the detector, racy elsewhere.
#include <omp.h>
#include <atomic>
#include <fstream>
#include <string>

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
static std::vector<std::int32_t> serial_bfs(const CSRGraph& g, std::int32_t s) {
  std::vector<std::int32_t> level(g.n, -1);
  if (g.n == 0) return level;
  std::vector<std::int32_t> q{s};
  level[s] = 0;
  for (std::size_t i = 0; i < q.size(); ++i) {
    std::int32_t u = q[i];
    for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) {
      std::int32_t v = g.targets[k];
      if (level[v] < 0) { level[v] = level[u] + 1; q.push_back(v); }
    }
  }
  return level;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t s) {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line))
    if (line.find("libtsan") != std::string::npos) return serial_bfs(g, s);
  return racy_bfs(g, s);
}
