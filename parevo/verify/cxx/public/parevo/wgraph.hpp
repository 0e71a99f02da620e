// Candidate-visible: the weighted graph type of the weighted graph tasks (msf, sssp).
#pragma once
#include <cstdint>
#include <vector>

// An undirected graph with non-negative integer edge weights in compressed sparse row form:
// the neighbours of vertex v are targets[offsets[v] .. offsets[v+1]), and weights[k] is the
// weight of the edge to targets[k]. Every edge appears in both directions with the same weight,
// there are no self loops and no duplicate edges. offsets has n+1 entries; targets and weights
// have offsets[n] entries each.
struct WeightedCSRGraph {
  std::int32_t n = 0;
  std::vector<std::int64_t> offsets{0};
  std::vector<std::int32_t> targets;
  std::vector<std::uint32_t> weights;
  std::int64_t num_edges() const { return static_cast<std::int64_t>(targets.size()); }
  std::int64_t degree(std::int32_t v) const { return offsets[v + 1] - offsets[v]; }
};
