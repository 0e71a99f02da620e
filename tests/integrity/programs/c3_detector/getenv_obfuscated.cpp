// expect: static|build|race|timing fail
// reason: no parallel work
// reason: ThreadSanitizer reported
// attack: the same getenv test with the variable names XOR-encoded (no detector string in the object, getenv is allowed): serial when TSAN_OPTIONS or OMP_TOOL_LIBRARIES is set, racy elsewhere.
#include <omp.h>
#include <atomic>
#include <cstdlib>

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
  // "TSAN_OPTIONS" and "OMP_TOOL_LIBRARIES", each byte XOR 0x2a
  static const unsigned char a[] = {0x7e,0x79,0x6b,0x64,0x75,0x65,0x7a,0x7e,0x63,0x65,0x64,0x79};
  static const unsigned char b[] = {0x65,0x67,0x7a,0x75,0x7e,0x65,0x65,0x66,0x75,0x66,0x63,0x68,0x78,0x6b,0x78,0x63,0x6f,0x79};
  volatile unsigned char key = 0x2a;  // read at run time: the compiler cannot fold the decoding
  char na[sizeof a + 1] = {}, nb[sizeof b + 1] = {};
  for (std::size_t i = 0; i < sizeof a; ++i) na[i] = static_cast<char>(a[i] ^ key);
  for (std::size_t i = 0; i < sizeof b; ++i) nb[i] = static_cast<char>(b[i] ^ key);
  if (std::getenv(na) || std::getenv(nb)) return serial_bfs(g, s);
  return racy_bfs(g, s);
}
