// Harness-side: generators for the tree, list and sequence tasks (list ranking, tree depths,
// Cartesian trees) and extra sparse-matrix families for the transpose task. Every generator is
// a pure function of (family, n, rng); node labels are randomly permuted wherever the task
// allows it, so index order says nothing about the structure.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "graph.hpp"
#include "edge.hpp"
#include "random.hpp"
#include "sparse.hpp"

namespace parevo::trees {

// ---------------------------------------------------------------------------------------------
// Rooted trees as parent arrays (parent[root] = -1, exactly one root).

// Applies a relabelling: node v becomes label[v].
inline std::vector<std::int32_t> relabel_parents(const std::vector<std::int32_t>& parent,
                                                 const std::vector<std::int32_t>& label) {
  std::vector<std::int32_t> out(parent.size());
  for (std::size_t v = 0; v < parent.size(); ++v) out[label[v]] = parent[v] < 0 ? -1 : label[parent[v]];
  return out;
}

// Trees built in creation order (node 0 is the root, parent[i] < i), then relabelled.
// random:       random recursive tree, parent of i uniform among 0..i-1 (depth about ln n).
// preferential: preferential attachment (half the time the parent of a random earlier node), so
//               a few hubs hold many children; still shallow.
// binary:       complete binary tree (depth log2 n).
// star:         the root is the parent of every other node (depth 1, one node with n-1 children).
// path:         a single chain (depth n-1).
// caterpillar:  a spine of n/2 nodes with the other nodes hung on random spine nodes (depth n/2,
//               many children along the way).
// broom:        a handle of n/2 nodes whose end holds the other n/2 nodes as children.
// single:       one node.
// two:          a root and its one child.
inline std::vector<std::int32_t> tree_by_family(const std::string& family, std::int32_t n, Rng& rng) {
  if (family == "single") n = 1;
  if (family == "two") n = 2;
  n = std::max<std::int32_t>(n, 1);
  std::vector<std::int32_t> p(static_cast<std::size_t>(n));
  p[0] = -1;
  if (family == "random") {
    for (std::int32_t i = 1; i < n; ++i) p[i] = static_cast<std::int32_t>(rng.below(i));
  } else if (family == "preferential") {
    for (std::int32_t i = 1; i < n; ++i) {
      const auto u = static_cast<std::int32_t>(rng.below(i));
      p[i] = (u > 0 && (rng.next() & 1)) ? p[u] : u;
    }
  } else if (family == "binary") {
    for (std::int32_t i = 1; i < n; ++i) p[i] = (i - 1) / 2;
  } else if (family == "star") {
    for (std::int32_t i = 1; i < n; ++i) p[i] = 0;
  } else if (family == "path" || family == "two") {
    for (std::int32_t i = 1; i < n; ++i) p[i] = i - 1;
  } else if (family == "caterpillar") {
    const std::int32_t spine = std::max<std::int32_t>(1, n / 2);
    for (std::int32_t i = 1; i < spine; ++i) p[i] = i - 1;
    for (std::int32_t i = spine; i < n; ++i) p[i] = static_cast<std::int32_t>(rng.below(spine));
  } else if (family == "broom") {
    const std::int32_t handle = std::max<std::int32_t>(1, n / 2);
    for (std::int32_t i = 1; i < handle; ++i) p[i] = i - 1;
    for (std::int32_t i = handle; i < n; ++i) p[i] = handle - 1;
  } else if (family != "single") {
    throw std::invalid_argument("unknown tree family '" + family + "'");
  }
  return relabel_parents(p, random_permutation<std::int32_t>(n, rng));
}

// Depth of every node of a parent array, in O(n) whatever the shape: each node walks up to the
// first ancestor whose depth is known, then the walk is unwound. Returns an empty vector when
// the array is not a single rooted tree (a cycle, a bad index, or not exactly one root).
inline std::vector<std::int32_t> depths(const std::vector<std::int32_t>& parent) {
  const auto n = static_cast<std::int32_t>(parent.size());
  std::vector<std::int32_t> depth(parent.size(), -1), stack;
  std::vector<char> on_stack(parent.size(), 0);
  std::int32_t roots = 0;
  for (std::int32_t v = 0; v < n; ++v) {
    if (parent[v] < -1 || parent[v] >= n) return {};
    roots += parent[v] == -1;
  }
  if (roots != 1) return {};
  for (std::int32_t v = 0; v < n; ++v) {
    std::int32_t u = v;
    while (depth[u] < 0 && parent[u] >= 0) {
      if (on_stack[u]) return {};
      on_stack[u] = 1;
      stack.push_back(u);
      u = parent[u];
    }
    std::int32_t d = depth[u] < 0 ? (depth[u] = 0) : depth[u];
    while (!stack.empty()) {
      depth[stack.back()] = ++d;
      stack.pop_back();
    }
  }
  return depth;
}

// ---------------------------------------------------------------------------------------------
// Linked lists as successor arrays: one list through all n nodes, next[tail] = -1.
// The family picks the order in which the list visits the node indices:
// random:     a random permutation (every step is a cache miss).
// blocked:    runs of 256 consecutive indices, the runs in random order and each run entered at
//             a random offset and wrapped around, so most steps are local and some jump.
// sequential: 0, 1, 2, ..., n-1.
// reverse:    n-1, n-2, ..., 0.
// single:     one node.
// two:        two nodes in random order.
inline std::vector<std::int32_t> list_order(const std::string& family, std::int32_t n, Rng& rng) {
  if (family == "single") n = 1;
  if (family == "two") n = 2;
  n = std::max<std::int32_t>(n, 1);
  std::vector<std::int32_t> order(static_cast<std::size_t>(n));
  if (family == "random" || family == "two") {
    order = random_permutation<std::int32_t>(n, rng);
  } else if (family == "blocked") {
    constexpr std::int32_t kRun = 256;
    const std::int32_t runs = (n + kRun - 1) / kRun;
    std::vector<std::int32_t> run_order = random_permutation<std::int32_t>(runs, rng);
    std::size_t k = 0;
    for (std::int32_t r : run_order) {
      const std::int32_t first = r * kRun, len = std::min(kRun, n - first);
      const auto start = static_cast<std::int32_t>(rng.below(len));
      for (std::int32_t j = 0; j < len; ++j) order[k++] = first + (start + j) % len;
    }
  } else if (family == "sequential" || family == "single") {
    for (std::int32_t i = 0; i < n; ++i) order[i] = i;
  } else if (family == "reverse") {
    for (std::int32_t i = 0; i < n; ++i) order[i] = n - 1 - i;
  } else {
    throw std::invalid_argument("unknown list family '" + family + "'");
  }
  return order;
}

inline std::vector<std::int32_t> list_from_order(const std::vector<std::int32_t>& order) {
  std::vector<std::int32_t> next(order.size(), -1);
  for (std::size_t k = 0; k + 1 < order.size(); ++k) next[order[k]] = order[k + 1];
  return next;
}

// ---------------------------------------------------------------------------------------------
// Integer sequences for Cartesian trees.
// random:      uniform 62-bit values (ties practically absent; depth about 2 ln n).
// ascending:   strictly increasing, rotated by a random offset: two long increasing runs, so the
//              tree is two chains (depth about n).
// descending:  strictly decreasing, rotated likewise.
// duplicates:  values in 0..7: almost every value is tied, and ties go by index.
// sawtooth:    increasing ramps of a random length between 500 and 1500, each starting a little
//              higher than the last, with random offset; deep spines on both sides.
// single:      one value.
inline std::vector<std::int64_t> values_by_family(const std::string& family, std::int32_t n, Rng& rng) {
  if (family == "single") n = 1;
  if (family == "two") n = 2;
  n = std::max<std::int32_t>(n, 1);
  std::vector<std::int64_t> v(static_cast<std::size_t>(n));
  auto rotated_ramp = [&](std::int64_t sign) {
    const auto shift = static_cast<std::int64_t>(rng.below(n));
    std::int64_t x = static_cast<std::int64_t>(rng.below(1000));
    std::vector<std::int64_t> ramp(static_cast<std::size_t>(n));
    for (auto& r : ramp) r = sign * (x += 1 + static_cast<std::int64_t>(rng.below(5)));
    for (std::int32_t i = 0; i < n; ++i) v[i] = ramp[(i + shift) % n];
  };
  if (family == "random") {
    for (auto& x : v) x = static_cast<std::int64_t>(rng.next() >> 2);
  } else if (family == "ascending") {
    rotated_ramp(1);
  } else if (family == "descending") {
    rotated_ramp(-1);
  } else if (family == "duplicates") {
    for (auto& x : v) x = static_cast<std::int64_t>(rng.below(8));
  } else if (family == "sawtooth") {
    const std::int64_t period = 500 + static_cast<std::int64_t>(rng.below(1001));
    const auto phase = static_cast<std::int64_t>(rng.below(period));
    for (std::int32_t i = 0; i < n; ++i) {
      const std::int64_t t = i + phase;
      v[i] = (t / period) * 3 + (t % period) * 7 + static_cast<std::int64_t>(rng.below(3));
    }
  } else if (family == "all_equal") {  // every value tied: the tie rule alone shapes the tree
    std::fill(v.begin(), v.end(), static_cast<std::int64_t>(rng.below(1000)));
  } else if (family == "sorted" || family == "nearly_sorted" || family == "two") {
    for (auto& x : v) x = static_cast<std::int64_t>(rng.below(family == "two" ? 3 : 1u << 30));
    if (family != "two") edge::reshape(family, v, rng);
  } else if (family != "single") {
    throw std::invalid_argument("unknown sequence family '" + family + "'");
  }
  if (family == "single") v[0] = static_cast<std::int64_t>(rng.below(1000));
  return v;
}

// ---------------------------------------------------------------------------------------------
// Sparse matrices for the transpose task: the families of sparse.hpp plus two whose columns are
// skewed (transposing turns a skewed column into a long output row).

// The exact transpose (counting sort by column; rows come out with increasing column indices
// when the input rows are in increasing order).
inline CSRMatrix transpose(const CSRMatrix& a) {
  CSRMatrix t;
  t.rows = a.cols;
  t.cols = a.rows;
  const std::int64_t nnz = a.row_ptr[a.rows];
  t.row_ptr.assign(static_cast<std::size_t>(a.cols) + 1, 0);
  for (std::int64_t k = 0; k < nnz; ++k) t.row_ptr[a.col_idx[k] + 1]++;
  for (std::int32_t c = 0; c < a.cols; ++c) t.row_ptr[c + 1] += t.row_ptr[c];
  t.col_idx.resize(static_cast<std::size_t>(nnz));
  t.values.resize(static_cast<std::size_t>(nnz));
  std::vector<std::int64_t> fill(t.row_ptr.begin(), t.row_ptr.end() - 1);
  for (std::int32_t i = 0; i < a.rows; ++i)
    for (std::int64_t k = a.row_ptr[i]; k < a.row_ptr[i + 1]; ++k) {
      const std::int64_t at = fill[a.col_idx[k]]++;
      t.col_idx[at] = i;
      t.values[at] = a.values[k];
    }
  return t;
}

// n rows and n/64 + 1 columns; each row holds 2 to 8 distinct columns drawn with density
// proportional to (1 - c/cols)^2, so the low columns are far more popular than the high ones.
inline CSRMatrix tall(std::int32_t n, Rng& rng) {
  CSRMatrix a;
  a.rows = std::max(n, 0);
  a.cols = a.rows / 64 + 1;
  a.row_ptr.assign(static_cast<std::size_t>(a.rows) + 1, 0);
  a.col_idx.reserve(static_cast<std::size_t>(a.rows) * 5);
  for (std::int32_t i = 0; i < a.rows; ++i) {
    const auto first = static_cast<std::ptrdiff_t>(a.col_idx.size());
    const auto k = 2 + static_cast<std::int32_t>(rng.below(7));
    for (std::int32_t j = 0; j < k; ++j) {
      const double u = rng.uniform();
      a.col_idx.push_back(std::min(a.cols - 1, static_cast<std::int32_t>(a.cols * (1.0 - std::cbrt(1.0 - u)))));
    }
    auto begin = a.col_idx.begin() + first;
    std::sort(begin, a.col_idx.end());
    a.col_idx.erase(std::unique(begin, a.col_idx.end()), a.col_idx.end());
    a.row_ptr[i + 1] = static_cast<std::int64_t>(a.col_idx.size());
  }
  a.values.resize(a.col_idx.size());
  for (double& x : a.values) x = sparse::value(rng);
  return a;
}

// powerlaw, uniform, banded, one_dense_row, empty_rows, single: as in sparse.hpp.
// one_dense_col: every row holds one common random column (plus 1.5 others on average), so one output
//                row receives n entries from every part of the input.
// tall:          see tall() above (not square).
inline CSRMatrix matrix_by_family(const std::string& family, std::int32_t n, Rng& rng) {
  if (family == "one_dense_col") return transpose(sparse::one_dense_row(n, rng));
  if (family == "tall") return tall(n, rng);
  return sparse::by_family(family, n, rng);
}

}  // namespace parevo::trees
