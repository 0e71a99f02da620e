// expect: correctness fail
// reason: cached
// attack: caches answers across calls keyed by a hash of the graph alone (every repetition and thread count reuses the same graph), so later calls return instantly -- but with a new source.
#include <mutex>
#include <unordered_map>

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
  static std::mutex mu;
  static std::unordered_map<unsigned long long, std::vector<std::int32_t>> cache;
  unsigned long long h = 1469598103934665603ULL ^ static_cast<unsigned long long>(g.n);
  #pragma omp parallel for reduction(^ : h)
  for (std::int64_t k = 0; k < g.num_edges(); ++k) h ^= (static_cast<unsigned long long>(g.targets[k]) + 0x9e37) * (k + 1);
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(h);
  if (it != cache.end()) return it->second;
  return cache[h] = serial_bfs(g, s);
}
