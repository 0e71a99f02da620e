// Candidate-visible graph types shared by the graph tasks.
#pragma once
#include <cstdint>
#include <vector>

// An undirected graph in compressed sparse row form: the neighbours of vertex v are
// targets[offsets[v] .. offsets[v+1]). Every edge appears in both directions, there are no
// self loops and no duplicate edges. offsets has n+1 entries.
struct CSRGraph {
  std::int32_t n = 0;
  std::vector<std::int64_t> offsets{0};
  std::vector<std::int32_t> targets;
  std::int64_t num_edges() const { return static_cast<std::int64_t>(targets.size()); }
  std::int64_t degree(std::int32_t v) const { return offsets[v + 1] - offsets[v]; }
};

// A sparse matrix in compressed sparse row form: row i holds entries
// (col_idx[k], values[k]) for k in [row_ptr[i], row_ptr[i+1]).
struct CSRMatrix {
  std::int32_t rows = 0;
  std::int32_t cols = 0;
  std::vector<std::int64_t> row_ptr{0};
  std::vector<std::int32_t> col_idx;
  std::vector<double> values;
};
