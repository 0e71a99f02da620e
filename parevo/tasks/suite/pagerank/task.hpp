// Harness side of the pagerank task: inputs, the call, and the validator.
#pragma once
#include <cmath>
#include <cstdio>
#include <string>

#include "parevo/graphs.hpp"
#include "types.hpp"

namespace task {

struct Input {
  CSRGraph g;
  double damping = 0.85;
  int iterations = 20;
};
using Output = std::vector<double>;

inline Input generate(const std::string& family, long long n, parevo::Rng& rng) {
  Input in;
  in.g = parevo::graphs::by_family(family, static_cast<std::int32_t>(n), rng);
  return in;
}

// Another instance for the next repetition: same graph, a new damping factor in [0.80, 0.95).
// That changes every rank (except on graphs without edges, where all ranks stay 1/n), and the
// cost of a call stays the same because the number of iterations does.
inline void vary(Input& in, parevo::Rng& rng) { in.damping = 0.80 + 0.15 * rng.uniform(); }

inline std::string describe(const Input& in) {
  std::int64_t dangling = 0;
  for (std::int32_t v = 0; v < in.g.n; ++v) dangling += in.g.degree(v) == 0;
  return "n=" + std::to_string(in.g.n) + " directed_edges=" + std::to_string(in.g.num_edges()) +
         " dangling=" + std::to_string(dangling) + " iterations=" + std::to_string(in.iterations);
}

inline Output invoke(const Input& in) { return pagerank(in.g, in.damping, in.iterations); }

inline std::string show(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

// The validator runs the same iteration itself. A parallel program sums in another order, so
// each rank may differ by rounding: every rank is at least (1 - damping) / n > 0, and each is
// accepted within a relative 1e-9 of the validator's, which rounding in double precision stays
// far below while a missing term, a missed iteration or lost dangling mass does not.
inline std::string validate(const Input& in, const Output& out) {
  const CSRGraph& g = in.g;
  const std::int32_t n = g.n;
  if (out.size() != static_cast<std::size_t>(n))
    return "returned " + std::to_string(out.size()) + " ranks, expected " + std::to_string(n) + " (one per vertex)";
  if (n == 0) return "";
  const double d = in.damping;
  std::vector<double> p(n, 1.0 / n), next(n), share(n);
  for (int it = 0; it < in.iterations; ++it) {
    double dangling = 0;
    for (std::int32_t u = 0; u < n; ++u) {
      const std::int64_t deg = g.degree(u);
      if (deg == 0) { dangling += p[u]; share[u] = 0; }
      else share[u] = p[u] / static_cast<double>(deg);
    }
    const double base = (1.0 - d) / n + d * dangling / n;
    for (std::int32_t v = 0; v < n; ++v) {
      double sum = 0;
      for (std::int64_t k = g.offsets[v]; k < g.offsets[v + 1]; ++k) sum += share[g.targets[k]];
      next[v] = base + d * sum;
    }
    p.swap(next);
  }
  std::int64_t wrong = 0, first = -1;
  for (std::int32_t v = 0; v < n; ++v)
    // Negated so that a NaN counts as wrong.
    if (!(std::fabs(out[v] - p[v]) <= 1e-9 * p[v])) { if (first < 0) first = v; ++wrong; }
  if (wrong == 0) return "";
  return "vertex " + std::to_string(first) + ": expected rank " + show(p[first]) + ", got " + show(out[first]) + " (" +
         std::to_string(wrong) + " of " + std::to_string(n) + " vertices wrong; degree " +
         std::to_string(g.degree(static_cast<std::int32_t>(first))) + ", damping " + show(d) + ", " +
         std::to_string(in.iterations) + " iterations)";
}

}  // namespace task
