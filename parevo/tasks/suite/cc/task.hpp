// Harness side of the cc task: inputs, the call, and the validator.
#pragma once
#include <algorithm>
#include <string>
#include <unordered_map>

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
// That moves every vertex to a new index, so a partition cached from an earlier call is wrong,
// at the cost of one pass over the edges instead of a full regeneration (rMat's is slow).
// Adjacency lists keep their old order, so they are no longer sorted: the statement promises
// no order, and sorting them would triple the cost of every repetition.
inline void vary(Input& in, parevo::Rng& rng) { in.g = parevo::graphs::relabel(in.g, rng); }

inline std::string describe(const Input& in) {
  return "n=" + std::to_string(in.g.n) + " directed_edges=" + std::to_string(in.g.num_edges());
}

inline Output invoke(const Input& in) { return connected_components(in.g); }

// Any labelling of the right partition is valid, so the validator finds the components itself
// and then checks the labels both ways: each component must carry one label (else it was
// split), and each label must belong to one component (else two components were merged).
inline std::string validate(const Input& in, const Output& out) {
  const CSRGraph& g = in.g;
  const std::int32_t n = g.n;
  if (out.size() != static_cast<std::size_t>(n))
    return "returned " + std::to_string(out.size()) + " labels, expected " + std::to_string(n) + " (one per vertex)";

  // comp[v] numbers components in order of their smallest vertex, root[c] is that vertex.
  std::vector<std::int32_t> comp(n, -1), root, queue;
  queue.reserve(n);
  for (std::int32_t s = 0; s < n; ++s) {
    if (comp[s] >= 0) continue;
    const auto c = static_cast<std::int32_t>(root.size());
    root.push_back(s);
    comp[s] = c;
    queue.assign(1, s);
    for (std::size_t head = 0; head < queue.size(); ++head) {
      std::int32_t u = queue[head];
      for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) {
        std::int32_t v = g.targets[k];
        if (comp[v] < 0) { comp[v] = c; queue.push_back(v); }
      }
    }
  }

  // The first vertex seen with each label. Labels are usually vertex ids or component numbers,
  // which a flat array indexes; arbitrary labels fall back to a hash map.
  const bool dense = std::all_of(out.begin(), out.end(), [n](std::int32_t l) { return l >= 0 && l < n; });
  std::vector<std::int32_t> first_dense(dense ? n : 0, -1);
  std::unordered_map<std::int32_t, std::int32_t> first_sparse;
  std::int64_t distinct = 0;
  auto first_with_label = [&](std::int32_t v) {
    if (dense) {
      std::int32_t& f = first_dense[out[v]];
      if (f < 0) { f = v; ++distinct; }
      return f;
    }
    auto [it, inserted] = first_sparse.try_emplace(out[v], v);
    distinct += inserted;
    return it->second;
  };

  std::int64_t wrong = 0;
  std::string first_problem;
  for (std::int32_t v = 0; v < n; ++v) {
    const std::int32_t r = root[comp[v]], w = first_with_label(v);
    std::string problem;
    if (out[v] != out[r])
      problem = "vertices " + std::to_string(r) + " and " + std::to_string(v) + " are connected but labelled " +
                std::to_string(out[r]) + " and " + std::to_string(out[v]);
    else if (comp[w] != comp[v])
      problem = "vertices " + std::to_string(w) + " and " + std::to_string(v) +
                " are in different components but both labelled " + std::to_string(out[v]);
    if (problem.empty()) continue;
    if (wrong++ == 0) first_problem = std::move(problem);
  }
  if (wrong == 0) return "";
  return first_problem + " (" + std::to_string(wrong) + " of " + std::to_string(n) + " vertices inconsistent; " +
         std::to_string(root.size()) + " components, " + std::to_string(distinct) + " distinct labels)";
}

}  // namespace task
