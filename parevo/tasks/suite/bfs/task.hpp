// Harness side of the bfs task: inputs, the call, and the validator.
#pragma once
#include <deque>
#include <string>

#include "parevo/graphs.hpp"
#include "types.hpp"

namespace task {

struct Input {
  CSRGraph g;
  std::int32_t source = 0;
};
using Output = std::vector<std::int32_t>;

inline void pick_source(Input& in, parevo::Rng& rng) {
  // Prefer a source with neighbours: an isolated source would make the timing meaningless.
  for (int attempt = 0; attempt < 64 && in.g.n > 0; ++attempt) {
    in.source = static_cast<std::int32_t>(rng.below(in.g.n));
    if (in.g.degree(in.source) > 0) break;
  }
}

inline Input generate(const std::string& family, long long n, parevo::Rng& rng) {
  Input in;
  in.g = parevo::graphs::by_family(family, static_cast<std::int32_t>(n), rng);
  pick_source(in, rng);
  return in;
}

// Another instance for the next repetition: same graph, a new source.
inline void vary(Input& in, parevo::Rng& rng) { pick_source(in, rng); }

inline std::string describe(const Input& in) {
  return "n=" + std::to_string(in.g.n) + " directed_edges=" + std::to_string(in.g.num_edges());
}

inline Output invoke(const Input& in) { return bfs_levels(in.g, in.source); }

// Levels are unique, so the validator compares with its own sequential BFS.
inline std::string validate(const Input& in, const Output& out) {
  const CSRGraph& g = in.g;
  if (out.size() != static_cast<std::size_t>(g.n))
    return "returned " + std::to_string(out.size()) + " levels, expected " + std::to_string(g.n) + " (one per vertex)";
  std::vector<std::int32_t> level(g.n, -1);
  std::deque<std::int32_t> queue;
  if (g.n > 0) { level[in.source] = 0; queue.push_back(in.source); }
  while (!queue.empty()) {
    std::int32_t u = queue.front();
    queue.pop_front();
    for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) {
      std::int32_t v = g.targets[k];
      if (level[v] < 0) { level[v] = level[u] + 1; queue.push_back(v); }
    }
  }
  std::int64_t wrong = 0, first = -1;
  for (std::int32_t v = 0; v < g.n; ++v)
    if (out[v] != level[v]) { if (first < 0) first = v; ++wrong; }
  if (wrong == 0) return "";
  return "vertex " + std::to_string(first) + ": expected level " + std::to_string(level[first]) + ", got " +
         std::to_string(out[first]) + " (" + std::to_string(wrong) + " of " + std::to_string(g.n) +
         " vertices wrong; source " + std::to_string(in.source) + ")";
}

}  // namespace task
