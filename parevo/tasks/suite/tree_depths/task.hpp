// Harness side of the tree_depths task: inputs, the call, and the validator.
#pragma once
#include <algorithm>
#include <string>

#include "parevo/trees.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::vector<std::int32_t> parent;
};
using Output = std::vector<std::int32_t>;

inline Input generate(const std::string& family, long long n, parevo::Rng& rng) {
  Input in;
  in.parent = parevo::trees::by_family(family, static_cast<std::int32_t>(n), rng);
  return in;
}

// Another instance for the next repetition: the same tree under a fresh random relabelling, so
// every node moves to a new index and a cached answer is wrong almost everywhere.
inline void vary(Input& in, parevo::Rng& rng) {
  const auto n = static_cast<std::int32_t>(in.parent.size());
  in.parent = parevo::trees::relabel_parents(in.parent, parevo::random_permutation<std::int32_t>(n, rng));
}

inline std::string describe(const Input& in) {
  const std::vector<std::int32_t> d = parevo::trees::depths(in.parent);
  const std::int32_t height = d.empty() ? -1 : *std::max_element(d.begin(), d.end());
  std::vector<std::int32_t> children(in.parent.size(), 0);
  for (std::int32_t p : in.parent)
    if (p >= 0) children[p]++;
  const std::int32_t fanout = children.empty() ? 0 : *std::max_element(children.begin(), children.end());
  return "n=" + std::to_string(in.parent.size()) + " height=" + std::to_string(height) +
         " max_children=" + std::to_string(fanout);
}

inline Output invoke(const Input& in) { return tree_depths(in.parent); }

// Depths are unique: the validator computes them in O(n) and compares.
inline std::string validate(const Input& in, const Output& out) {
  const auto n = static_cast<std::int32_t>(in.parent.size());
  if (out.size() != in.parent.size())
    return "returned " + std::to_string(out.size()) + " depths, expected " + std::to_string(n) + " (one per node)";
  const std::vector<std::int32_t> depth = parevo::trees::depths(in.parent);
  if (depth.empty()) return "harness error: the input is not a rooted tree";
  std::int64_t wrong = 0, first = -1;
  for (std::int32_t v = 0; v < n; ++v)
    if (out[v] != depth[v]) { if (first < 0) first = v; ++wrong; }
  if (wrong == 0) return "";
  return "node " + std::to_string(first) + ": expected depth " + std::to_string(depth[first]) + ", got " +
         std::to_string(out[first]) + " (" + std::to_string(wrong) + " of " + std::to_string(n) +
         " nodes wrong; height " + std::to_string(*std::max_element(depth.begin(), depth.end())) + ")";
}

}  // namespace task
