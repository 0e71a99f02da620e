// Expert reference (ParlayLib): delta-stepping (Meyer and Sanders) with per-worker bins, as in
// the OpenMP reference (and GAP), made safe for wide weight ranges and long chains.
//  - Bucket width delta is a power of two near the weight quantile that leaves about one light
//    edge per vertex (from a sample: the average weight is dominated by a few huge weights on
//    the skewed inputs).
//  - Buckets live in two levels of per-worker ring buffers (indexed by parlay::worker_id(); a
//    loop body never forks, so one worker runs one body at a time): fine buckets of width delta
//    inside the current coarse bucket, coarse buckets further out. Bitmaps of non-empty slots
//    find the next bucket quickly.
//  - A bucket whose frontier is small is settled serially with a binary heap (Dijkstra order),
//    so a chain (a million buckets of one vertex) never pays for a parallel step.
//  - A large frontier is relaxed in parallel rounds (parlay::parallel_for): dist is lowered
//    with a compare-and-swap, and each worker files the vertices it improved into its own
//    rings; the vertices that fell back into the current bucket form the next round's frontier,
//    copied in parallel at offsets from a prefix sum over the workers.
//
// Shared state is only dist (std::atomic_ref in the parallel phases); rings and bitmaps are per
// worker, and the frontier is read-only inside a round.
#include <parlay/parallel.h>
#include <parlay/primitives.h>
#include <parlay/sequence.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>
#include <utility>
#include <vector>

namespace {

constexpr std::int64_t kInf = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMaxCoarse = 65536, kMaxFine = 4096;  // ring sizes
constexpr std::size_t kSerialFrontier = 512;
constexpr double kLightPerVertex = 1.0;

// One thread's ring of buckets.
struct Ring {
  std::vector<std::vector<std::int32_t>> slot;
  std::vector<std::uint64_t> used;  // bit s: slot[s] is not empty
  void init(std::int64_t k) {
    slot.assign(static_cast<std::size_t>(k), {});
    used.assign(static_cast<std::size_t>((k + 63) / 64), 0);
  }
  void push(std::int64_t s, std::int32_t v) {
    slot[s].push_back(v);
    used[s >> 6] |= std::uint64_t{1} << (s & 63);
  }
  void clear(std::int64_t s) {
    slot[s].clear();
    used[s >> 6] &= ~(std::uint64_t{1} << (s & 63));
  }
};

struct ThreadBins {
  Ring fine, coarse;
};

// The distance from slot `from` to the first slot after it that is used in any thread's ring,
// looking at most `span` slots ahead in ring order (ring of `slots` entries); 0 when none.
std::int64_t next_used(const std::vector<ThreadBins>& bins, Ring ThreadBins::*which, std::int64_t from,
                       std::int64_t span, std::int64_t slots) {
  const std::int64_t mask = slots - 1;
  for (std::int64_t d = 1; d < span;) {
    const std::int64_t at = (from + d) & mask;
    std::uint64_t word = 0;
    for (const ThreadBins& b : bins) word |= (b.*which).used[at >> 6];
    word >>= (at & 63);
    if (word) {
      const std::int64_t step = d + __builtin_ctzll(word);
      return step < span ? step : 0;
    }
    d += slots < 64 ? slots - at : 64 - (at & 63);  // to the next word or the ring's end
  }
  return 0;
}

inline std::int64_t load(std::vector<std::int64_t>& d, std::int32_t v) {
  return std::atomic_ref<std::int64_t>(d[v]).load(std::memory_order_relaxed);
}

// Lowers d[v] to nd; true when this call lowered it.
inline bool write_min(std::vector<std::int64_t>& d, std::int32_t v, std::int64_t nd) {
  std::atomic_ref<std::int64_t> a(d[v]);
  std::int64_t cur = a.load(std::memory_order_relaxed);
  while (nd < cur)
    if (a.compare_exchange_weak(cur, nd, std::memory_order_relaxed)) return true;
  return false;
}

}  // namespace

std::vector<std::int64_t> shortest_paths(const WeightedCSRGraph& g, std::int32_t source) {
  const std::int32_t n = g.n;
  std::vector<std::int64_t> dist(n, kInf);
  if (n == 0) return dist;
  const std::int64_t m = g.num_edges();

  // Fine bucket width 2^fine_shift; coarse buckets hold 2^(coarse_shift - fine_shift) fine ones.
  const std::uint32_t max_weight = m > 0 ? parlay::reduce(g.weights, parlay::maximum<std::uint32_t>()) : 0;
  std::int64_t delta = 1;
  if (m > 0) {
    std::vector<std::uint32_t> sample;
    for (std::int64_t i = 0; i < 1024; ++i) sample.push_back(g.weights[i * m / 1024]);
    const double light_share = std::min(1.0, kLightPerVertex * n / static_cast<double>(m));
    const auto q = static_cast<std::size_t>(light_share * static_cast<double>(sample.size() - 1));
    std::nth_element(sample.begin(), sample.begin() + static_cast<std::ptrdiff_t>(q), sample.end());
    delta = std::max<std::int64_t>(1, sample[q]);
  }
  int fine_shift = 0;
  while ((std::int64_t{1} << (fine_shift + 1)) <= delta) ++fine_shift;
  int coarse_shift = fine_shift;
  auto coarse_span = [&] { return (static_cast<std::int64_t>(max_weight) >> coarse_shift) + 2; };
  while (coarse_span() > kMaxCoarse) {
    ++coarse_shift;
    if ((std::int64_t{1} << (coarse_shift - fine_shift)) > kMaxFine) ++fine_shift;
  }
  const std::int64_t fine_slots = std::int64_t{1} << (coarse_shift - fine_shift);
  std::int64_t coarse_slots = 1;
  while (coarse_slots < coarse_span()) coarse_slots <<= 1;
  const std::int64_t fine_mask = fine_slots - 1, coarse_mask = coarse_slots - 1;

  const int max_threads = static_cast<int>(parlay::num_workers());
  std::vector<ThreadBins> bins(max_threads);
  for (ThreadBins& b : bins) {
    b.fine.init(fine_slots);
    b.coarse.init(coarse_slots);
  }
  std::vector<std::int32_t> frontier;
  std::vector<std::pair<std::int64_t, std::int32_t>> heap;
  std::vector<std::size_t> offset(max_threads + 1);

  // Files v (just lowered to nd) for the coarse bucket cb being processed.
  auto file = [&](ThreadBins& mine, std::int64_t cb, std::int32_t v, std::int64_t nd) {
    if ((nd >> coarse_shift) == cb) mine.fine.push((nd >> fine_shift) & fine_mask, v);
    else mine.coarse.push((nd >> coarse_shift) & coarse_mask, v);
  };
  // Moves every thread's slot s of one ring into `frontier`.
  auto gather = [&](Ring ThreadBins::*which, std::int64_t s) {
    frontier.clear();
    for (ThreadBins& b : bins) {
      frontier.insert(frontier.end(), (b.*which).slot[s].begin(), (b.*which).slot[s].end());
      (b.*which).clear(s);
    }
  };

  dist[source] = 0;
  std::int64_t cb = 0;  // current coarse bucket
  bins[0].coarse.push(0, source);
  for (;;) {
    // Move the coarse bucket's vertices into the fine ring (all into thread 0's: one pass).
    gather(&ThreadBins::coarse, cb & coarse_mask);
    for (std::int32_t v : frontier)
      if ((dist[v] >> coarse_shift) == cb) bins[0].fine.push((dist[v] >> fine_shift) & fine_mask, v);
    std::int64_t fs = -1;  // fine slot being processed
    for (;;) {
      const std::int64_t step = next_used(bins, &ThreadBins::fine, fs, fine_slots - fs, fine_slots);
      if (step == 0) break;
      fs += step;
      const std::int64_t fb = (cb << (coarse_shift - fine_shift)) | fs;  // absolute fine bucket
      gather(&ThreadBins::fine, fs);
      while (!frontier.empty()) {
        if (frontier.size() < kSerialFrontier) {
          // Serial: settle the bucket in Dijkstra order while it stays small.
          heap.clear();
          for (std::int32_t u : frontier)
            if ((dist[u] >> fine_shift) == fb) heap.push_back({dist[u], u});
          std::make_heap(heap.begin(), heap.end(), std::greater<>());
          frontier.clear();
          while (!heap.empty() && heap.size() < kSerialFrontier) {
            std::pop_heap(heap.begin(), heap.end(), std::greater<>());
            const auto [du, u] = heap.back();
            heap.pop_back();
            if (du != dist[u]) continue;  // stale: improved since it was filed
            for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) {
              const std::int32_t v = g.targets[k];
              const std::int64_t nd = du + g.weights[k];
              if (nd >= dist[v]) continue;
              dist[v] = nd;
              if ((nd >> fine_shift) == fb) {
                heap.push_back({nd, v});
                std::push_heap(heap.begin(), heap.end(), std::greater<>());
              } else {
                file(bins[0], cb, v, nd);
              }
            }
          }
          for (const auto& [d, u] : heap)
            if (d == dist[u]) frontier.push_back(u);
          continue;
        }
        // Parallel: one round of relaxing the whole frontier; the vertices that fall back into
        // this bucket form the next round.
        parlay::parallel_for(0, frontier.size(), [&](std::size_t i) {
          ThreadBins& mine = bins[parlay::worker_id()];
          const std::int32_t u = frontier[i];
          const std::int64_t du = load(dist, u);
          if ((du >> fine_shift) != fb) return;
          for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) {
            const std::int32_t v = g.targets[k];
            const std::int64_t nd = du + g.weights[k];
            if (write_min(dist, v, nd)) file(mine, cb, v, nd);
          }
        }, 16);
        // Every worker has filed its improvements: concatenate this bucket's slot of every
        // worker into the next frontier.
        offset[0] = 0;
        for (int r = 0; r < max_threads; ++r) offset[r + 1] = offset[r] + bins[r].fine.slot[fs].size();
        frontier.resize(offset[max_threads]);
        parlay::parallel_for(0, max_threads, [&](std::size_t r) {
          std::copy(bins[r].fine.slot[fs].begin(), bins[r].fine.slot[fs].end(),
                    frontier.begin() + static_cast<std::ptrdiff_t>(offset[r]));
          bins[r].fine.clear(fs);
        }, 1);
      }
    }
    const std::int64_t step = next_used(bins, &ThreadBins::coarse, cb & coarse_mask, coarse_slots, coarse_slots);
    if (step == 0) break;
    cb += step;
  }

  parlay::parallel_for(0, n, [&](std::size_t v) {
    if (dist[v] == kInf) dist[v] = -1;
  });
  return dist;
}
