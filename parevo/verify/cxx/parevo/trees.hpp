// Harness-side: generators for the tree, list and sequence tasks (list ranking, tree depths,
// Cartesian trees). Every generator is
// a pure function of (family, n, rng); node labels are randomly permuted wherever the task
// allows it, so index order says nothing about the structure.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "parevo/graph.hpp"
#include "edge.hpp"
#include "random.hpp"

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
inline std::vector<std::int32_t> by_family(const std::string& family, std::int32_t n, Rng& rng) {
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

}  // namespace parevo::trees
