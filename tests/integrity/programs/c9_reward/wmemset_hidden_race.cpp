// expect: build|race fail
// reason: does not intercept
// reason: ThreadSanitizer reported
// attack: a racy BFS whose racy stores go through wmemset (wchar_t is 32 bits, like a level) and racy loads through wmemchr: libc routines the detector may not intercept, so neither side of the race is seen.
#include <omp.h>
#include <atomic>
#include <cwchar>

static std::vector<std::int32_t> filled(std::int32_t n, std::int32_t value) {
  std::vector<std::int32_t> out(n);
  #pragma omp parallel for
  for (std::int32_t v = 0; v < n; ++v) out[v] = value;
  return out;
}

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t s) {
  const std::int32_t n = g.n;
  std::vector<std::int32_t> level(n, -1);
  if (n == 0) return level;
  level[s] = 0;
  std::vector<std::int32_t> frontier{s};
  std::int32_t depth = 0;
  wchar_t* lv = reinterpret_cast<wchar_t*>(level.data());
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
          if (std::wmemchr(lv + v, static_cast<wchar_t>(-1), 1)) {  // level[v] == -1, unseen
            std::wmemset(lv + v, static_cast<wchar_t>(depth + 1), 1);  // level[v] = depth+1, unseen
            mine.push_back(v);
          }
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
