// Harness side of the coloring task: inputs, the call, and the validator.
#pragma once
#include <algorithm>
#include <string>
#include <unordered_set>

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
// so a colouring cached from an earlier call gives (almost surely) some edge equal colours.
inline void vary(Input& in, parevo::Rng& rng) { in.g = parevo::graphs::relabel(in.g, rng); }

inline std::string describe(const Input& in) {
  std::int64_t max_degree = 0;
  for (std::int32_t v = 0; v < in.g.n; ++v) max_degree = std::max(max_degree, in.g.degree(v));
  return "n=" + std::to_string(in.g.n) + " directed_edges=" + std::to_string(in.g.num_edges()) +
         " max_degree=" + std::to_string(max_degree);
}

inline Output invoke(const Input& in) { return graph_coloring(in.g); }

// Many colourings are valid, so the validator checks the definition: colours are >= 0, no
// edge has equal colours at its ends, and at most max_degree + 1 distinct colours are used.
inline std::string validate(const Input& in, const Output& out) {
  const CSRGraph& g = in.g;
  const std::int32_t n = g.n;
  if (out.size() != static_cast<std::size_t>(n))
    return "returned " + std::to_string(out.size()) + " colours, expected " + std::to_string(n) + " (one per vertex)";
  std::int64_t max_degree = 0;
  for (std::int32_t v = 0; v < n; ++v) max_degree = std::max(max_degree, g.degree(v));

  std::int64_t wrong = 0;
  std::string first_problem;
  for (std::int32_t v = 0; v < n; ++v) {
    std::string problem;
    if (out[v] < 0) {
      problem = "vertex " + std::to_string(v) + ": colour " + std::to_string(out[v]) + " is negative";
    } else {
      for (std::int64_t k = g.offsets[v]; k < g.offsets[v + 1]; ++k)
        if (out[g.targets[k]] == out[v]) {
          problem = "vertices " + std::to_string(v) + " and " + std::to_string(g.targets[k]) +
                    " are adjacent but both have colour " + std::to_string(out[v]);
          break;
        }
    }
    if (problem.empty()) continue;
    if (wrong++ == 0) first_problem = std::move(problem);
  }
  if (wrong > 0)
    return first_problem + " (" + std::to_string(wrong) + " of " + std::to_string(n) + " vertices wrong)";

  // Distinct colours: a flag array for colours below n, a hash set for the rest.
  std::vector<char> seen(static_cast<std::size_t>(n), 0);
  std::unordered_set<std::int32_t> large;
  std::int64_t distinct = 0;
  for (std::int32_t c : out) {
    if (c < n) { distinct += !seen[c]; seen[c] = 1; }
    else distinct += large.insert(c).second;
  }
  if (distinct <= max_degree + 1) return "";
  return "uses " + std::to_string(distinct) + " distinct colours, more than max_degree + 1 = " +
         std::to_string(max_degree + 1) + " (the colouring is proper)";
}

}  // namespace task
