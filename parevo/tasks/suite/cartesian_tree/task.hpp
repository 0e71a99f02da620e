// Harness side of the cartesian_tree task: inputs, the call, and the validator.
#pragma once
#include <algorithm>
#include <string>

#include "parevo/trees.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::vector<std::int64_t> values;
  std::string family;  // harness bookkeeping, for vary
};
using Output = std::vector<std::int32_t>;

inline Input generate(const std::string& family, long long n, parevo::Rng& rng) {
  Input in;
  in.values = parevo::trees::values_by_family(family, static_cast<std::int32_t>(n), rng);
  in.family = family;
  return in;
}

// Another instance for the next repetition: fresh values of the same family (new random
// values, a new rotation of the ramps, a new sawtooth period and phase), so the tree changes.
inline void vary(Input& in, parevo::Rng& rng) {
  in.values = parevo::trees::values_by_family(in.family, static_cast<std::int32_t>(in.values.size()), rng);
}

// The parents by the stack algorithm (ties: the earlier position is smaller).
inline std::vector<std::int32_t> parents(const std::vector<std::int64_t>& v) {
  const auto n = static_cast<std::int32_t>(v.size());
  std::vector<std::int32_t> parent(v.size(), -1), stack;
  for (std::int32_t i = 0; i < n; ++i) {
    std::int32_t last = -1;
    while (!stack.empty() && v[stack.back()] > v[i]) { last = stack.back(); stack.pop_back(); }
    if (last >= 0) parent[last] = i;
    parent[i] = stack.empty() ? -1 : stack.back();
    stack.push_back(i);
  }
  return parent;
}

inline std::string describe(const Input& in) {
  const std::vector<std::int32_t> p = parents(in.values);
  const std::vector<std::int32_t> d = parevo::trees::depths(p);
  std::int32_t height = 0;
  for (std::int32_t x : d) height = std::max(height, x);
  return "n=" + std::to_string(in.values.size()) + " height=" + std::to_string(height);
}

inline Output invoke(const Input& in) { return cartesian_tree(in.values); }

// The tree is unique: the validator builds it and compares every parent.
inline std::string validate(const Input& in, const Output& out) {
  const auto n = static_cast<std::int32_t>(in.values.size());
  if (out.size() != in.values.size())
    return "returned " + std::to_string(out.size()) + " parents, expected " + std::to_string(n) + " (one per position)";
  const std::vector<std::int32_t> parent = parents(in.values);
  std::int64_t wrong = 0, first = -1;
  for (std::int32_t i = 0; i < n; ++i)
    if (out[i] != parent[i]) { if (first < 0) first = i; ++wrong; }
  if (wrong == 0) return "";
  return "position " + std::to_string(first) + " (value " + std::to_string(in.values[first]) +
         "): expected parent " + std::to_string(parent[first]) + ", got " + std::to_string(out[first]) + " (" +
         std::to_string(wrong) + " of " + std::to_string(n) + " positions wrong)";
}

}  // namespace task
