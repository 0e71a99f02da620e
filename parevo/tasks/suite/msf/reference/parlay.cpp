// Expert reference (ParlayLib): filtered Boruvka, as in the OpenMP reference.
//  - Filter: the lightest edges (about kLightPerVertex per vertex, by a weight threshold from a
//    sample) go first; Kruskal's order says the heavier ones only matter between the components
//    the light ones leave, so after the light phase one parallel pass keeps just the heavy
//    edges that cross two components, and a second phase finishes on them.
//  - Boruvka on an edge list, each round: every live edge offers itself to the two components
//    it joins through an atomic min on a 64-bit key (weight << 32 | position in the list), a
//    strict total order, so the chosen edges never close a cycle. Each component hooks onto
//    the component across its lightest edge (of two components that chose the same edge, the
//    larger hooks, and only it records the edge); pointer jumping flattens the hooks, and a
//    parlay::pack_index keeps the edges whose ends are still in two components.
//
// Shared writes: the atomic mins go through std::atomic_ref; each root writes only its own hook
// and its own slot of the chosen edges; pointer jumping reads and writes hooks through relaxed
// std::atomic_ref (a hook only ever moves to an ancestor).
#include <parlay/parallel.h>
#include <parlay/primitives.h>
#include <parlay/sequence.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <utility>
#include <vector>

namespace {

using Key = std::uint64_t;
using Edge = std::pair<std::int32_t, std::int32_t>;
constexpr Key kNone = ~Key{0};
constexpr double kLightPerVertex = 1.0;
constexpr std::size_t kGrain = 1024;

inline void write_min(Key& slot, Key key) {
  std::atomic_ref<Key> a(slot);
  Key cur = a.load(std::memory_order_relaxed);
  while (key < cur && !a.compare_exchange_weak(cur, key, std::memory_order_relaxed)) {
  }
}

inline std::int32_t load(parlay::sequence<std::int32_t>& p, std::int32_t v) {
  return std::atomic_ref<std::int32_t>(p[v]).load(std::memory_order_relaxed);
}

// Live edges: the components of both ends, the weight, and the original endpoints.
struct EdgeList {
  parlay::sequence<std::int32_t> u, v, ou, ov;
  parlay::sequence<std::uint32_t> w;
  std::size_t size() const { return u.size(); }
};

// The edges {a, b} (a < b, each once) with keep(a, b, w). Count per vertex, scan, fill.
template <class Keep>
EdgeList collect(const WeightedCSRGraph& g, const parlay::sequence<std::int32_t>& comp, Keep keep) {
  const std::int32_t n = g.n;
  auto start = parlay::tabulate(n, [&](std::size_t i) {
    const auto a = static_cast<std::int32_t>(i);
    std::int64_t c = 0;
    for (std::int64_t k = g.offsets[a]; k < g.offsets[a + 1]; ++k) c += a < g.targets[k] && keep(a, g.targets[k], g.weights[k]);
    return c;
  }, kGrain);
  const auto m = static_cast<std::size_t>(parlay::scan_inplace(start));
  EdgeList out;
  out.u = parlay::sequence<std::int32_t>::uninitialized(m);
  out.v = parlay::sequence<std::int32_t>::uninitialized(m);
  out.ou = parlay::sequence<std::int32_t>::uninitialized(m);
  out.ov = parlay::sequence<std::int32_t>::uninitialized(m);
  out.w = parlay::sequence<std::uint32_t>::uninitialized(m);
  parlay::parallel_for(0, n, [&](std::size_t i) {
    const auto a = static_cast<std::int32_t>(i);
    std::int64_t pos = start[a];
    for (std::int64_t k = g.offsets[a]; k < g.offsets[a + 1]; ++k) {
      const std::int32_t b = g.targets[k];
      if (a < b && keep(a, b, g.weights[k])) {
        out.u[pos] = comp[a];
        out.v[pos] = comp[b];
        out.ou[pos] = a;
        out.ov[pos] = b;
        out.w[pos] = g.weights[k];
        ++pos;
      }
    }
  }, kGrain);
  return out;
}

// Boruvka rounds on `cur` until no edge is left; hook[] names each vertex's parent component
// (a root points at itself) and keeps growing across calls. Forest edges are appended to `forest`.
void boruvka(EdgeList cur, parlay::sequence<std::int32_t>& hook, parlay::sequence<Key>& best,
             parlay::sequence<Edge>& forest) {
  if (cur.size() == 0) return;
  // The components that have a live edge.
  parlay::sequence<std::int32_t> roots;
  {
    parlay::sequence<std::uint8_t> has(hook.size(), 0);
    parlay::parallel_for(0, cur.size(), [&](std::size_t i) {
      std::atomic_ref<std::uint8_t>(has[cur.u[i]]).store(1, std::memory_order_relaxed);
      std::atomic_ref<std::uint8_t>(has[cur.v[i]]).store(1, std::memory_order_relaxed);
    });
    roots = parlay::pack_index<std::int32_t>(has);
  }
  while (cur.size() > 0) {
    const std::size_t live = cur.size();
    // 1. Every live edge offers itself to both of its components.
    parlay::parallel_for(0, live, [&](std::size_t i) {
      const Key key = (static_cast<Key>(cur.w[i]) << 32) | static_cast<Key>(i);
      write_min(best[cur.u[i]], key);
      write_min(best[cur.v[i]], key);
    });
    // 2. Each component hooks across its lightest edge; chosen[j] is the edge root j records.
    const std::size_t nr = roots.size();
    auto chosen = parlay::tabulate(nr, [&](std::size_t j) -> std::int64_t {
      const std::int32_t r = roots[j];
      const Key key = best[r];
      if (key == kNone) return -1;
      const auto i = static_cast<std::int64_t>(key & 0xffffffffULL);
      const std::int32_t other = cur.u[i] == r ? cur.v[i] : cur.u[i];
      if (best[other] == key && r < other) return -1;  // both chose this edge: the larger one hooks
      hook[r] = other;
      return i;
    });
    auto picked = parlay::filter(chosen, [](std::int64_t i) { return i >= 0; });
    forest.append(parlay::map(picked, [&](std::int64_t i) { return Edge{cur.ou[i], cur.ov[i]}; }));
    // 3. Pointer jumping until every root of this round points at its final root.
    for (bool changed = true; changed;) {
      std::atomic<bool> any{false};
      parlay::parallel_for(0, nr, [&](std::size_t j) {
        const std::int32_t r = roots[j];
        const std::int32_t p = load(hook, r), pp = load(hook, p);
        if (p != pp) {
          std::atomic_ref<std::int32_t>(hook[r]).store(pp, std::memory_order_relaxed);
          if (!any.load(std::memory_order_relaxed)) any.store(true, std::memory_order_relaxed);
        }
      });
      changed = any.load();
    }
    // Roots that are still roots and had an edge go on; clear their best slots.
    auto kept = parlay::filter(roots, [&](std::int32_t r) { return hook[r] == r && best[r] != kNone; });
    parlay::parallel_for(0, nr, [&](std::size_t j) { best[roots[j]] = kNone; });
    // 4. Rename edge ends to their new components and keep the edges between two components.
    parlay::parallel_for(0, live, [&](std::size_t i) {
      cur.u[i] = hook[cur.u[i]];
      cur.v[i] = hook[cur.v[i]];
    });
    auto keep = parlay::pack_index<std::int64_t>(parlay::delayed_tabulate(live, [&](std::size_t i) { return cur.u[i] != cur.v[i]; }));
    EdgeList next;
    auto gather = [&](auto& field) { return parlay::map(keep, [&](std::int64_t i) { return field[i]; }); };
    next.u = gather(cur.u);
    next.v = gather(cur.v);
    next.ou = gather(cur.ou);
    next.ov = gather(cur.ov);
    next.w = gather(cur.w);
    cur = std::move(next);
    roots = std::move(kept);
  }
}

}  // namespace

std::vector<std::pair<std::int32_t, std::int32_t>> minimum_spanning_forest(const WeightedCSRGraph& g) {
  const std::int32_t n = g.n;
  if (n == 0) return {};
  const std::int64_t m = g.num_edges();

  // The light threshold: a weight quantile from a sample, leaving about kLightPerVertex * n
  // light edges. Ties at the threshold all count as light.
  std::uint32_t threshold = ~0u;
  bool all_light = true;
  if (m > 0) {
    std::vector<std::uint32_t> sample;
    for (std::int64_t i = 0; i < 1024; ++i) sample.push_back(g.weights[i * m / 1024]);
    const double share = kLightPerVertex * n / (m / 2.0);
    if (share < 1.0) {
      const auto q = static_cast<std::size_t>(share * static_cast<double>(sample.size() - 1));
      std::nth_element(sample.begin(), sample.begin() + static_cast<std::ptrdiff_t>(q), sample.end());
      threshold = sample[q];
      all_light = false;
    }
  }

  auto hook = parlay::tabulate(n, [](std::size_t v) { return static_cast<std::int32_t>(v); });
  auto comp = hook;
  parlay::sequence<Key> best(n, kNone);
  parlay::sequence<Edge> forest;

  // Phase 1: the light edges.
  boruvka(collect(g, comp, [threshold](std::int32_t, std::int32_t, std::uint32_t w) { return w <= threshold; }),
          hook, best, forest);
  if (!all_light) {
    // Every vertex's component after phase 1 (hook chains are at most one per round deep).
    parlay::parallel_for(0, n, [&](std::size_t v) {
      auto r = static_cast<std::int32_t>(v);
      while (hook[r] != r) r = hook[r];
      comp[v] = r;
    });
    // Phase 2: the heavy edges that cross two components.
    boruvka(collect(g, comp, [threshold, &comp](std::int32_t a, std::int32_t b, std::uint32_t w) {
              return w > threshold && comp[a] != comp[b];
            }),
            hook, best, forest);
  }
  return {forest.begin(), forest.end()};
}
