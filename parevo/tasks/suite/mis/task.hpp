// Harness side of the mis task: inputs, the call, and the validator.
#pragma once
#include <string>

#include "parevo/graphs.hpp"
#include "types.hpp"

namespace task {

struct Input {
  CSRGraph g;
};
using Output = std::vector<std::uint8_t>;

inline Input generate(const std::string& family, long long n, parevo::Rng& rng) {
  Input in;
  in.g = parevo::graphs::by_family(family, static_cast<std::int32_t>(n), rng);
  return in;
}

// Another instance for the next repetition: the same graph under a fresh random relabelling,
// so a set cached from an earlier call is (almost surely) neither independent nor maximal.
inline void vary(Input& in, parevo::Rng& rng) { in.g = parevo::graphs::relabel(in.g, rng); }

inline std::string describe(const Input& in) {
  return "n=" + std::to_string(in.g.n) + " directed_edges=" + std::to_string(in.g.num_edges());
}

inline Output invoke(const Input& in) { return maximal_independent_set(in.g); }

// Many sets are valid, so the validator checks the two properties themselves: flags are 0/1,
// no edge has both ends in the set, and every vertex outside the set has a neighbour in it.
inline std::string validate(const Input& in, const Output& out) {
  const CSRGraph& g = in.g;
  const std::int32_t n = g.n;
  if (out.size() != static_cast<std::size_t>(n))
    return "returned " + std::to_string(out.size()) + " flags, expected " + std::to_string(n) + " (one per vertex)";
  for (std::int32_t v = 0; v < n; ++v)
    if (out[v] > 1) {
      std::int64_t bad = 0;
      for (std::uint8_t f : out) bad += f > 1;
      return "vertex " + std::to_string(v) + ": flag " + std::to_string(out[v]) + ", expected 0 or 1 (" +
             std::to_string(bad) + " of " + std::to_string(n) + " flags invalid)";
    }
  std::int64_t wrong = 0, in_set = 0;
  std::string first_problem;
  for (std::int32_t v = 0; v < n; ++v) {
    in_set += out[v];
    std::string problem;
    if (out[v]) {
      for (std::int64_t k = g.offsets[v]; k < g.offsets[v + 1]; ++k)
        if (out[g.targets[k]]) {
          problem = "vertices " + std::to_string(v) + " and " + std::to_string(g.targets[k]) +
                    " are adjacent but both in the set";
          break;
        }
    } else {
      bool covered = false;
      for (std::int64_t k = g.offsets[v]; k < g.offsets[v + 1] && !covered; ++k) covered = out[g.targets[k]];
      if (!covered)
        problem = "vertex " + std::to_string(v) + " (degree " + std::to_string(g.degree(v)) +
                  ") is not in the set and has no neighbour in it, so the set is not maximal";
    }
    if (problem.empty()) continue;
    if (wrong++ == 0) first_problem = std::move(problem);
  }
  if (wrong == 0) return "";
  return first_problem + " (" + std::to_string(wrong) + " of " + std::to_string(n) + " vertices wrong; " +
         std::to_string(in_set) + " in the set)";
}

}  // namespace task
