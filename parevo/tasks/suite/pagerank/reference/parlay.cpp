// Expert reference (ParlayLib): pull-based power iteration. parlay::parallel_for over the
// vertices with a small grain lets work stealing balance the hubs of rMat graphs; the share
// p[v] / deg(v) for the next round is written in the same pass into a second array (this
// round's is still being read), and the dangling mass is a parlay::reduce over a delayed
// sequence, so no rank array is copied.
#include <parlay/delayed_sequence.h>
#include <parlay/parallel.h>
#include <parlay/primitives.h>
#include <parlay/sequence.h>

#include <vector>

std::vector<double> pagerank(const CSRGraph& g, double damping, int iterations) {
  const std::int32_t n = g.n;
  if (n == 0) return {};
  auto deg = [&](std::size_t v) { return g.offsets[v + 1] - g.offsets[v]; };
  std::vector<double> p(n, 1.0 / n), next(n);
  parlay::sequence<double> share = parlay::tabulate(n, [&](std::size_t v) {
    return deg(v) ? p[v] / static_cast<double>(deg(v)) : 0.0;
  });
  parlay::sequence<double> next_share(n);
  auto dangling_mass = [&](const std::vector<double>& ranks) {
    return parlay::reduce(parlay::delayed_tabulate(n, [&](std::size_t v) { return deg(v) ? 0.0 : ranks[v]; }));
  };
  double dangling = dangling_mass(p);
  for (int it = 0; it < iterations; ++it) {
    const double base = (1.0 - damping) / n + damping * dangling / n;
    parlay::parallel_for(0, n, [&](std::size_t v) {
      double sum = 0;
      for (std::int64_t k = g.offsets[v]; k < g.offsets[v + 1]; ++k) sum += share[g.targets[k]];
      const double rank = base + damping * sum;
      next[v] = rank;
      next_share[v] = deg(v) ? rank / static_cast<double>(deg(v)) : 0.0;
    }, 64);
    p.swap(next);
    std::swap(share, next_share);
    dangling = dangling_mass(p);
  }
  return p;
}
