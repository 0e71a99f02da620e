// Expert reference (OpenMP): speculative greedy colouring (Gebremedhin and Manne; Catalyurek
// et al.), with conflict detection restricted to the vertices that can be in conflict.
// Threads run first-fit on dynamic chunks of vertices at the same time, reading neighbour
// colours as they are at that moment. Two adjacent vertices can only end up with the same
// colour if each saw the other still uncoloured, so a vertex that saw a *smaller* neighbour
// uncoloured is logged as a suspect; of any conflicting pair the larger end is a suspect.
// Suspects then check their smaller neighbours, and those that clash are recoloured in the
// next round (rounds with a short list run serially, so the rounds end). First-fit always
// gives a vertex of degree d a colour of at most d, so at most max_degree + 1 colours are used.
// Colouring reads every edge once, like the sequential greedy; checking touches only suspects.
//
// Every access to the shared colour array during a round goes through std::atomic_ref.
#include <omp.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <vector>

namespace {
constexpr std::int64_t kChunk = 512;
constexpr std::size_t kSerialRound = 2048;
constexpr std::int64_t kPad = 16;  // uint32 entries: 64 bytes

struct alignas(64) List { std::vector<std::int32_t> items; };  // one per thread, own cache line

// First-fit for v against the colours its neighbours have now; `taken` is this thread's
// scratch (colour -> stamp of the last vertex that saw it). Returns whether v saw a smaller
// neighbour uncoloured.
inline bool colour_vertex(const std::int64_t* offsets, const std::int32_t* targets, std::int32_t v,
                          std::int32_t* colour, std::uint32_t* taken, std::uint32_t stamp) {
  bool suspect = false;
  for (std::int64_t k = offsets[v], end = offsets[v + 1]; k < end; ++k) {
    const std::int32_t u = targets[k];
    const std::int32_t c = std::atomic_ref<std::int32_t>(colour[u]).load(std::memory_order_relaxed);
    if (c >= 0) taken[c] = stamp;
    else suspect |= u < v;
  }
  std::int32_t c = 0;
  while (taken[c] == stamp) ++c;
  std::atomic_ref<std::int32_t>(colour[v]).store(c, std::memory_order_relaxed);
  return suspect;
}

// Colours list[lo, hi) (or the vertices lo..hi-1 when list is null) and logs the suspects. A
// separate function over an explicit range, rather than the body of the worksharing loop: GCC
// compiles the tight scan loop noticeably better here.
void colour_range(const CSRGraph& g, std::int32_t* colour, const std::int32_t* list, std::int64_t lo,
                  std::int64_t hi, std::vector<std::uint32_t>& taken, std::uint32_t& stamp,
                  std::vector<std::int32_t>& suspects) {
  const std::int64_t* offsets = g.offsets.data();
  const std::int32_t* targets = g.targets.data();
  std::uint32_t* scratch = taken.data() + kPad;
  for (std::int64_t i = lo; i < hi; ++i) {
    const std::int32_t v = list ? list[i] : static_cast<std::int32_t>(i);
    // On a list every vertex is a suspect: listed neighbours may be recoloured concurrently.
    if (colour_vertex(offsets, targets, v, colour, scratch, ++stamp) || list) suspects.push_back(v);
  }
}
}  // namespace

std::vector<std::int32_t> graph_coloring(const CSRGraph& g) {
  const std::int32_t n = g.n;
  std::vector<std::int32_t> colour(n, -1);
  if (n == 0) return colour;
  std::int64_t max_degree = 0;
  #pragma omp parallel for schedule(static) reduction(max : max_degree)
  for (std::int32_t v = 0; v < n; ++v) max_degree = std::max(max_degree, g.degree(v));
  const int threads = omp_get_max_threads();
  // Per-thread scratch, padded by 64 bytes on each side so that no two threads' scratch
  // shares a cache line (small allocations are often adjacent).
  std::vector<std::vector<std::uint32_t>> taken(threads, std::vector<std::uint32_t>(max_degree + 2 + 2 * kPad, 0));
  std::vector<List> suspects(threads);

  // Round 1 over all vertices; later rounds over the vertices that clashed.
  std::vector<std::int32_t> work;
  for (bool first = true; first || !work.empty(); first = false) {
    const std::int64_t count = first ? n : static_cast<std::int64_t>(work.size());
    if (!first && work.size() < kSerialRound) {
      // A short list: recolour it serially, which cannot clash.
      auto& scratch = taken[0];
      std::uint32_t stamp = 0;
      std::fill(scratch.begin(), scratch.end(), 0);
      for (std::int32_t v : work) colour_vertex(g.offsets.data(), g.targets.data(), v, colour.data(), scratch.data() + kPad, ++stamp);
      break;
    }
    #pragma omp parallel
    {
      const int t = omp_get_thread_num();
      auto& scratch = taken[t];
      auto& mine = suspects[t].items;
      mine.clear();
      std::uint32_t stamp = 0;
      std::fill(scratch.begin(), scratch.end(), 0);
      const std::int64_t chunks = (count + kChunk - 1) / kChunk;
      #pragma omp for schedule(dynamic, 1) nowait
      for (std::int64_t c = 0; c < chunks; ++c)
        colour_range(g, colour.data(), first ? nullptr : work.data(), c * kChunk, std::min(count, (c + 1) * kChunk),
                     scratch, stamp, mine);
    }
    // After the barrier all colours are settled: a suspect that shares its colour with a
    // smaller neighbour goes to the next round.
    std::vector<List> clashes(threads);
    #pragma omp parallel
    {
      auto& mine = clashes[omp_get_thread_num()].items;
      for (int s = 0; s < threads; ++s) {
        #pragma omp for schedule(dynamic, 256) nowait
        for (std::size_t i = 0; i < suspects[s].items.size(); ++i) {
          const std::int32_t v = suspects[s].items[i];
          for (std::int64_t k = g.offsets[v]; k < g.offsets[v + 1]; ++k) {
            const std::int32_t u = g.targets[k];
            if (u < v && colour[u] == colour[v]) { mine.push_back(v); break; }
          }
        }
      }
    }
    work.clear();
    for (auto& part : clashes) work.insert(work.end(), part.items.begin(), part.items.end());
  }
  return colour;
}
