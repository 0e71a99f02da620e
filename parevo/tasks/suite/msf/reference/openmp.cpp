// Expert reference (OpenMP): filtered Boruvka.
//  - Filter: most edges of a graph are too heavy for the forest. The lightest edges (about
//    kLightPerVertex per vertex, by a weight threshold from a sample) go first; Kruskal's order
//    says the heavier ones only matter between the components the light ones leave, so after
//    the light phase one parallel pass keeps just the heavy edges that cross two components,
//    usually a small fraction, and a second phase finishes on them.
//  - Boruvka on an edge list, each phase: every live edge offers itself to the two components
//    it joins through an atomic min on a 64-bit key (weight << 32 | position in the list): a
//    strict total order, so both ends break ties the same way and the chosen edges never close
//    a cycle. Each component hooks onto the component across its lightest edge (of two
//    components that chose the same edge, the larger hooks, and only it records the edge);
//    pointer jumping flattens the hooks, and edges whose ends are now in one component are
//    filtered out in parallel. Each round at least halves the components that still have edges.
//
// Shared writes: the atomic mins go through std::atomic_ref; each root writes only its own hook,
// pointer jumping reads and writes hooks through relaxed std::atomic_ref (a hook only ever moves
// to an ancestor), and the lists are filled in per-thread blocks at offsets from a prefix sum.
#include <omp.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <utility>
#include <vector>

namespace {

using Key = std::uint64_t;
constexpr Key kNone = ~Key{0};
constexpr double kLightPerVertex = 1.0;

inline void write_min(Key& slot, Key key) {
  std::atomic_ref<Key> a(slot);
  Key cur = a.load(std::memory_order_relaxed);
  while (key < cur && !a.compare_exchange_weak(cur, key, std::memory_order_relaxed)) {
  }
}

inline std::int32_t load(std::vector<std::int32_t>& p, std::int32_t v) {
  return std::atomic_ref<std::int32_t>(p[v]).load(std::memory_order_relaxed);
}

// Live edges: the components of both ends, the weight, and the original endpoints.
struct EdgeList {
  std::vector<std::int32_t> u, v, ou, ov;
  std::vector<std::uint32_t> w;
  std::int64_t size = 0;
  void resize(std::int64_t m) {
    u.resize(m); v.resize(m); ou.resize(m); ov.resize(m); w.resize(m);
    size = m;
  }
};

// The edges {a, b} (a < b, each once) with keep(a, b, w), as original endpoints and current
// components comp[a], comp[b]. Two passes over the CSR: count per vertex, then fill.
template <class Keep>
void collect(const WeightedCSRGraph& g, const std::vector<std::int32_t>& comp, EdgeList& out, Keep keep) {
  const std::int32_t n = g.n;
  std::vector<std::int64_t> start(static_cast<std::size_t>(n) + 1, 0);
  #pragma omp parallel for schedule(dynamic, 1024)
  for (std::int32_t a = 0; a < n; ++a) {
    std::int64_t c = 0;
    for (std::int64_t k = g.offsets[a]; k < g.offsets[a + 1]; ++k) c += a < g.targets[k] && keep(a, g.targets[k], g.weights[k]);
    start[a + 1] = c;
  }
  for (std::int32_t a = 0; a < n; ++a) start[a + 1] += start[a];
  out.resize(start[n]);
  #pragma omp parallel for schedule(dynamic, 1024)
  for (std::int32_t a = 0; a < n; ++a) {
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
  }
}

// Boruvka rounds on `cur` until no edge is left; hook[] names each vertex's parent component
// (a root points at itself) and keeps growing across calls.
void boruvka(EdgeList& cur, EdgeList& next, std::vector<std::int32_t>& hook, std::vector<Key>& best,
             std::vector<std::vector<std::pair<std::int32_t, std::int32_t>>>& found) {
  // The components that have a live edge.
  std::vector<std::int32_t> roots, kept;
  {
    std::vector<char> has(hook.size(), 0);
    #pragma omp parallel for schedule(static)
    for (std::int64_t i = 0; i < cur.size; ++i) {
      std::atomic_ref<char>(has[cur.u[i]]).store(1, std::memory_order_relaxed);
      std::atomic_ref<char>(has[cur.v[i]]).store(1, std::memory_order_relaxed);
    }
    for (std::size_t r = 0; r < has.size(); ++r)
      if (has[r]) roots.push_back(static_cast<std::int32_t>(r));
  }
  next.resize(cur.size);
  std::vector<std::int64_t> counts(omp_get_max_threads() + 1);
  while (cur.size > 0) {
    const std::int64_t live = cur.size;
    // 1. Every live edge offers itself to both of its components.
    #pragma omp parallel for schedule(static)
    for (std::int64_t i = 0; i < live; ++i) {
      const Key key = (static_cast<Key>(cur.w[i]) << 32) | static_cast<Key>(i);
      write_min(best[cur.u[i]], key);
      write_min(best[cur.v[i]], key);
    }
    // 2. Each component hooks across its lightest edge and records it.
    const auto nr = static_cast<std::int64_t>(roots.size());
    #pragma omp parallel
    {
      auto& mine = found[omp_get_thread_num()];
      #pragma omp for schedule(static)
      for (std::int64_t j = 0; j < nr; ++j) {
        const std::int32_t r = roots[j];
        const Key key = best[r];
        if (key == kNone) continue;
        const auto i = static_cast<std::int64_t>(key & 0xffffffffULL);
        const std::int32_t other = cur.u[i] == r ? cur.v[i] : cur.u[i];
        if (best[other] == key && r < other) continue;  // both chose this edge: the larger one hooks
        hook[r] = other;
        mine.emplace_back(cur.ou[i], cur.ov[i]);
      }
    }
    // 3. Pointer jumping until every root of this round points at its final root.
    for (bool changed = true; changed;) {
      changed = false;
      #pragma omp parallel for schedule(static) reduction(|| : changed)
      for (std::int64_t j = 0; j < nr; ++j) {
        const std::int32_t r = roots[j];
        const std::int32_t p = load(hook, r), pp = load(hook, p);
        if (p != pp) {
          std::atomic_ref<std::int32_t>(hook[r]).store(pp, std::memory_order_relaxed);
          changed = true;
        }
      }
    }
    // Roots that are still roots and had an edge go on.
    kept.clear();
    for (std::int32_t r : roots)
      if (hook[r] == r && best[r] != kNone) kept.push_back(r);
    // 4. Rename edge ends to their new components and keep the edges between two components;
    //    clear the slots of best used this round.
    #pragma omp parallel
    {
      const int t = omp_get_thread_num(), nt = omp_get_num_threads();
      const std::int64_t lo = live * t / nt, hi = live * (t + 1) / nt;
      std::int64_t c = 0;
      for (std::int64_t i = lo; i < hi; ++i) {
        cur.u[i] = hook[cur.u[i]];
        cur.v[i] = hook[cur.v[i]];
        c += cur.u[i] != cur.v[i];
      }
      counts[t + 1] = c;
      #pragma omp barrier
      #pragma omp single
      {
        counts[0] = 0;
        for (int s = 0; s < nt; ++s) counts[s + 1] += counts[s];
        next.size = counts[nt];
      }
      std::int64_t pos = counts[t];
      for (std::int64_t i = lo; i < hi; ++i)
        if (cur.u[i] != cur.v[i]) {
          next.u[pos] = cur.u[i];
          next.v[pos] = cur.v[i];
          next.ou[pos] = cur.ou[i];
          next.ov[pos] = cur.ov[i];
          next.w[pos] = cur.w[i];
          ++pos;
        }
      #pragma omp for schedule(static)
      for (std::int64_t j = 0; j < nr; ++j) best[roots[j]] = kNone;
    }
    std::swap(cur, next);
    roots.swap(kept);
  }
}

}  // namespace

std::vector<std::pair<std::int32_t, std::int32_t>> minimum_spanning_forest(const WeightedCSRGraph& g) {
  const std::int32_t n = g.n;
  std::vector<std::pair<std::int32_t, std::int32_t>> forest;
  if (n == 0) return forest;
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

  std::vector<std::int32_t> hook(n), comp(n);
  std::vector<Key> best(n, kNone);
  #pragma omp parallel for schedule(static)
  for (std::int32_t v = 0; v < n; ++v) hook[v] = comp[v] = v;
  std::vector<std::vector<std::pair<std::int32_t, std::int32_t>>> found(omp_get_max_threads());
  EdgeList cur, next;

  // Phase 1: the light edges.
  collect(g, comp, cur, [threshold](std::int32_t, std::int32_t, std::uint32_t w) { return w <= threshold; });
  boruvka(cur, next, hook, best, found);
  if (!all_light) {
    // Every vertex's component after phase 1 (hook chains are at most one per round deep).
    #pragma omp parallel for schedule(static)
    for (std::int32_t v = 0; v < n; ++v) {
      std::int32_t r = v;
      while (hook[r] != r) r = hook[r];
      comp[v] = r;
    }
    // Phase 2: the heavy edges that cross two components.
    collect(g, comp, cur, [threshold, &comp](std::int32_t a, std::int32_t b, std::uint32_t w) {
      return w > threshold && comp[a] != comp[b];
    });
    boruvka(cur, next, hook, best, found);
  }

  for (auto& part : found) forest.insert(forest.end(), part.begin(), part.end());
  return forest;
}
