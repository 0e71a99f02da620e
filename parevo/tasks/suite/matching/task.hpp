// Harness side of the matching task: inputs, the call, and the validator.
#pragma once
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

// Another instance for the next repetition: the same graph under a fresh random relabelling,
// so a matching cached from an earlier call pairs vertices that are no longer adjacent.
inline void vary(Input& in, parevo::Rng& rng) { in.g = parevo::graphs::relabel(in.g, rng); }

inline std::string describe(const Input& in) {
  return "n=" + std::to_string(in.g.n) + " directed_edges=" + std::to_string(in.g.num_edges());
}

inline Output invoke(const Input& in) { return maximal_matching(in.g); }

inline bool adjacent(const CSRGraph& g, std::int32_t u, std::int32_t v) {
  if (g.degree(u) > g.degree(v)) std::swap(u, v);
  for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k)
    if (g.targets[k] == v) return true;
  return false;
}

// Many matchings are valid, so the validator checks the properties themselves: mates are in
// range and symmetric, each matched pair is an edge, and no edge has both ends unmatched.
inline std::string validate(const Input& in, const Output& out) {
  const CSRGraph& g = in.g;
  const std::int32_t n = g.n;
  if (out.size() != static_cast<std::size_t>(n))
    return "returned " + std::to_string(out.size()) + " mates, expected " + std::to_string(n) + " (one per vertex)";
  std::int64_t wrong = 0, matched = 0;
  std::string first_problem;
  for (std::int32_t v = 0; v < n; ++v) {
    const std::int32_t m = out[v];
    std::string problem;
    if (m < -1 || m >= n) {
      problem = "vertex " + std::to_string(v) + ": mate " + std::to_string(m) + " is neither -1 nor a vertex";
    } else if (m == v) {
      problem = "vertex " + std::to_string(v) + " is matched with itself";
    } else if (m >= 0 && out[m] != v) {
      problem = "vertex " + std::to_string(v) + " has mate " + std::to_string(m) + ", but vertex " +
                std::to_string(m) + " has mate " + std::to_string(out[m]);
    } else if (m >= 0 && !adjacent(g, v, m)) {
      problem = "vertices " + std::to_string(v) + " and " + std::to_string(m) + " are matched but not adjacent";
    } else if (m == -1) {
      for (std::int64_t k = g.offsets[v]; k < g.offsets[v + 1]; ++k)
        if (out[g.targets[k]] == -1) {
          problem = "edge " + std::to_string(v) + "-" + std::to_string(g.targets[k]) +
                    " has both ends unmatched, so the matching is not maximal";
          break;
        }
    }
    matched += m >= 0;
    if (problem.empty()) continue;
    if (wrong++ == 0) first_problem = std::move(problem);
  }
  if (wrong == 0) return "";
  return first_problem + " (" + std::to_string(wrong) + " of " + std::to_string(n) + " vertices wrong; " +
         std::to_string(matched) + " matched)";
}

}  // namespace task
