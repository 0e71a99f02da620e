// Harness side of the kcore task: inputs, the call, and the validator.
#pragma once
#include <algorithm>
#include <string>

#include "parevo/graphs.hpp"
#include "types.hpp"

namespace task {

struct Input {
  CSRGraph g;
};
using Output = std::vector<std::int32_t>;

inline Input generate(const std::string& family, long long n, parevo::Rng& rng) {
  Input in;
  in.g = parevo::graphs::by_family(family, static_cast<std::int32_t>(n), rng);
  return in;
}

// Another instance for the next repetition: the same graph under a fresh random relabelling.
// Core numbers move with their vertices, so an answer cached from an earlier call is wrong, at
// the cost of one pass over the edges. Adjacency lists keep their old order (no longer sorted).
inline void vary(Input& in, parevo::Rng& rng) { in.g = parevo::graphs::relabel(in.g, rng); }

inline std::string describe(const Input& in) {
  std::int64_t max_degree = 0;
  for (std::int32_t v = 0; v < in.g.n; ++v) max_degree = std::max(max_degree, in.g.degree(v));
  return "n=" + std::to_string(in.g.n) + " directed_edges=" + std::to_string(in.g.num_edges()) +
         " max_degree=" + std::to_string(max_degree);
}

inline Output invoke(const Input& in) { return core_numbers(in.g); }

// Core numbers are unique, so the validator compares with its own Batagelj-Zaversnik peeling.
inline std::string validate(const Input& in, const Output& out) {
  const CSRGraph& g = in.g;
  const std::int32_t n = g.n;
  if (out.size() != static_cast<std::size_t>(n))
    return "returned " + std::to_string(out.size()) + " core numbers, expected " + std::to_string(n) +
           " (one per vertex)";
  std::vector<std::int32_t> core(n), order(n), pos(n);
  std::int32_t max_deg = 0;
  for (std::int32_t v = 0; v < n; ++v) {
    core[v] = static_cast<std::int32_t>(g.degree(v));
    max_deg = std::max(max_deg, core[v]);
  }
  std::vector<std::int32_t> bin(static_cast<std::size_t>(max_deg) + 2, 0);
  for (std::int32_t v = 0; v < n; ++v) ++bin[core[v] + 1];
  for (std::int32_t d = 0; d <= max_deg; ++d) bin[d + 1] += bin[d];  // bin[d]: first slot of degree d
  for (std::int32_t v = 0; v < n; ++v) {
    pos[v] = bin[core[v]]++;
    order[pos[v]] = v;
  }
  for (std::int32_t d = max_deg; d > 0; --d) bin[d] = bin[d - 1];
  bin[0] = 0;
  for (std::int32_t i = 0; i < n; ++i) {
    const std::int32_t v = order[i];
    for (std::int64_t k = g.offsets[v]; k < g.offsets[v + 1]; ++k) {
      const std::int32_t u = g.targets[k];
      if (core[u] <= core[v]) continue;
      const std::int32_t du = core[u], pu = pos[u], pw = bin[du], w = order[pw];
      std::swap(order[pu], order[pw]);
      pos[u] = pw;
      pos[w] = pu;
      ++bin[du];
      --core[u];
    }
  }
  std::int64_t wrong = 0, first = -1;
  for (std::int32_t v = 0; v < n; ++v)
    if (out[v] != core[v]) { if (first < 0) first = v; ++wrong; }
  if (wrong == 0) return "";
  return "vertex " + std::to_string(first) + ": expected core number " + std::to_string(core[first]) + ", got " +
         std::to_string(out[first]) + " (" + std::to_string(wrong) + " of " + std::to_string(n) +
         " vertices wrong; its degree is " + std::to_string(g.degree(static_cast<std::int32_t>(first))) + ")";
}

}  // namespace task
