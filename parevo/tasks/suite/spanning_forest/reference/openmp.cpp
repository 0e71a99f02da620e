// Expert reference (OpenMP): Afforest (Sutton, Ben-Nun and Bader, IPDPS 2018; as in GAP) that
// keeps the edge behind every successful hook. A concurrent union-find over a parent array,
// where every vertex points at a smaller index, so a tree's root is its smallest vertex. Each
// successful compare-and-swap hooks one root under a vertex of another tree, merging two
// trees, so the edge that caused it is a forest edge, and there are exactly n - c of them.
// Edges go to per-thread buffers, concatenated at the end.
//
// It first links every vertex to only its first two neighbours, which already joins most of a
// giant component; the biggest component is then found by sampling, and its vertices skip
// their remaining edges: each such edge is seen again from its other end unless both ends are
// already joined. On rMat and uniform graphs that skips most of the edges.
//
// Every access to the shared parent array goes through std::atomic_ref; relaxed order is
// enough, since a stale read still names an ancestor and a root changes only by CAS.
#include <omp.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <random>
#include <unordered_map>
#include <utility>
#include <vector>

namespace {

using Parent = std::vector<std::int32_t>;
using Edges = std::vector<std::pair<std::int32_t, std::int32_t>>;
struct alignas(64) Buffer { Edges edges; };  // one per thread, on its own cache line

constexpr int kChunk = 512;
constexpr int kSampleRounds = 2;

inline std::int32_t load(Parent& p, std::int32_t v) {
  return std::atomic_ref<std::int32_t>(p[v]).load(std::memory_order_relaxed);
}

// Joins the trees of u and v; records (u, v) when this call is the one that merged them.
inline void link(std::int32_t u, std::int32_t v, Parent& p, Edges& found) {
  std::int32_t p1 = load(p, u), p2 = load(p, v);
  while (p1 != p2) {
    const std::int32_t high = p1 > p2 ? p1 : p2, low = p1 > p2 ? p2 : p1;
    std::int32_t p_high = load(p, high);
    if (p_high == low) return;
    if (p_high == high &&
        std::atomic_ref<std::int32_t>(p[high]).compare_exchange_strong(p_high, low, std::memory_order_relaxed)) {
      found.emplace_back(u, v);
      return;
    }
    p1 = load(p, load(p, high));
    p2 = load(p, low);
  }
}

void compress(Parent& p) {
  const auto n = static_cast<std::int32_t>(p.size());
  #pragma omp parallel for schedule(dynamic, kChunk)
  for (std::int32_t v = 0; v < n; ++v) {
    std::int32_t pv = load(p, v), ppv;
    while (pv != (ppv = load(p, pv))) {
      std::atomic_ref<std::int32_t>(p[v]).store(ppv, std::memory_order_relaxed);
      pv = ppv;
    }
  }
}

std::int32_t most_frequent_root(Parent& p) {
  const auto n = static_cast<std::int32_t>(p.size());
  std::unordered_map<std::int32_t, int> count;
  std::mt19937 gen(27491095);
  std::uniform_int_distribution<std::int32_t> pick(0, n - 1);
  for (int i = 0; i < 1024; ++i) ++count[p[pick(gen)]];
  std::int32_t best = p[0];
  int best_count = 0;
  for (auto [root, c] : count)
    if (c > best_count) { best = root; best_count = c; }
  return best;
}

}  // namespace

std::vector<std::pair<std::int32_t, std::int32_t>> spanning_forest(const CSRGraph& g) {
  const std::int32_t n = g.n;
  if (n == 0) return {};
  Parent p(n);
  std::vector<Buffer> found(omp_get_max_threads());
  #pragma omp parallel for schedule(static)
  for (std::int32_t v = 0; v < n; ++v) p[v] = v;

  for (int r = 0; r < kSampleRounds; ++r) {
    #pragma omp parallel
    {
      Edges& mine = found[omp_get_thread_num()].edges;
      #pragma omp for schedule(dynamic, kChunk) nowait
      for (std::int32_t u = 0; u < n; ++u)
        if (g.offsets[u] + r < g.offsets[u + 1]) link(u, g.targets[g.offsets[u] + r], p, mine);
    }
    compress(p);
  }

  const std::int32_t giant = most_frequent_root(p);
  #pragma omp parallel
  {
    Edges& mine = found[omp_get_thread_num()].edges;
    #pragma omp for schedule(dynamic, kChunk) nowait
    for (std::int32_t u = 0; u < n; ++u) {
      if (load(p, u) == giant) continue;
      for (std::int64_t k = g.offsets[u] + kSampleRounds; k < g.offsets[u + 1]; ++k) link(u, g.targets[k], p, mine);
    }
  }

  // Concatenate the per-thread buffers in parallel, each at its offset.
  std::vector<std::size_t> start(found.size() + 1, 0);
  for (std::size_t t = 0; t < found.size(); ++t) start[t + 1] = start[t] + found[t].edges.size();
  std::vector<std::pair<std::int32_t, std::int32_t>> forest(start.back());
  #pragma omp parallel for schedule(static, 1)
  for (std::size_t t = 0; t < found.size(); ++t) std::copy(found[t].edges.begin(), found[t].edges.end(), forest.begin() + start[t]);
  return forest;
}
