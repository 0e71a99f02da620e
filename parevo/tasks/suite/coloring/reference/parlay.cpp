// Expert reference (ParlayLib): speculative greedy colouring (Gebremedhin and Manne; Catalyurek
// et al.), with conflict detection restricted to the vertices that can be in conflict.
// Workers run first-fit at the same time on blocks of vertices taken in increasing order from
// a shared atomic cursor (one parlay::parallel_for body per worker), reading neighbour colours
// as they are at that moment. Two adjacent vertices can only get the same colour if each saw
// the other still uncoloured, so a vertex that saw a *smaller* neighbour uncoloured is logged
// as a suspect; of any conflicting pair the larger end is one. Suspects then check their
// smaller neighbours (a parlay::filter), and those that clash are recoloured in the next round
// (short rounds run serially, so the rounds end). First-fit gives a vertex of degree d a colour
// of at most d, so at most max_degree + 1 colours are used.
//
// Every access to the shared colour array during a round goes through std::atomic_ref.
#include <parlay/parallel.h>
#include <parlay/primitives.h>
#include <parlay/sequence.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <vector>

namespace {
constexpr std::int64_t kBlock = 512;
constexpr std::size_t kSerialRound = 2048;

struct alignas(64) Scratch {
  std::vector<std::uint32_t> taken;  // colour -> stamp of the last vertex that saw it
  std::uint32_t stamp = 0;
  std::vector<std::int32_t> suspects;
};

inline bool colour_vertex(const CSRGraph& g, std::int32_t v, std::vector<std::int32_t>& colour, Scratch& s) {
  const std::uint32_t stamp = ++s.stamp;
  bool suspect = false;
  for (std::int64_t k = g.offsets[v]; k < g.offsets[v + 1]; ++k) {
    const std::int32_t u = g.targets[k];
    const std::int32_t c = std::atomic_ref<std::int32_t>(colour[u]).load(std::memory_order_relaxed);
    if (c >= 0) s.taken[c] = stamp;
    else suspect |= u < v;
  }
  std::int32_t c = 0;
  while (s.taken[c] == stamp) ++c;
  std::atomic_ref<std::int32_t>(colour[v]).store(c, std::memory_order_relaxed);
  return suspect;
}
}  // namespace

std::vector<std::int32_t> graph_coloring(const CSRGraph& g) {
  const std::int32_t n = g.n;
  std::vector<std::int32_t> colour(n, -1);
  if (n == 0) return colour;
  const std::int64_t max_degree =
      parlay::reduce(parlay::delayed_tabulate(n, [&](std::int32_t v) { return g.degree(v); }), parlay::maxm<std::int64_t>());
  const std::size_t workers = parlay::num_workers();
  std::vector<Scratch> scratch(workers);
  for (auto& s : scratch) s.taken.assign(max_degree + 2, 0);

  parlay::sequence<std::int32_t> work;
  for (bool first = true; first || !work.empty(); first = false) {
    if (!first && work.size() < kSerialRound) {
      for (std::int32_t v : work) colour_vertex(g, v, colour, scratch[0]);
      break;
    }
    const std::int64_t count = first ? n : static_cast<std::int64_t>(work.size());
    std::atomic<std::int64_t> cursor{0};
    parlay::parallel_for(0, workers, [&](std::size_t) {
      Scratch& s = scratch[parlay::worker_id()];
      for (;;) {
        const std::int64_t lo = cursor.fetch_add(kBlock, std::memory_order_relaxed);
        if (lo >= count) break;
        for (std::int64_t i = lo, hi = std::min(count, lo + kBlock); i < hi; ++i) {
          const std::int32_t v = first ? static_cast<std::int32_t>(i) : work[i];
          // In later rounds every listed vertex is a suspect: listed neighbours may change.
          if (colour_vertex(g, v, colour, s) || !first) s.suspects.push_back(v);
        }
      }
    }, 1);
    // All colours are settled now: a suspect sharing its colour with a smaller neighbour
    // goes to the next round.
    auto suspects = parlay::flatten(parlay::tabulate(workers, [&](std::size_t t) {
      auto list = parlay::to_sequence(scratch[t].suspects);
      scratch[t].suspects.clear();
      return list;
    }));
    work = parlay::filter(suspects, [&](std::int32_t v) {
      for (std::int64_t k = g.offsets[v]; k < g.offsets[v + 1]; ++k) {
        const std::int32_t u = g.targets[k];
        if (u < v && colour[u] == colour[v]) return true;
      }
      return false;
    });
  }
  return colour;
}
