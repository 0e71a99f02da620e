// Harness side of ParEval 16 (largest component) with parevo's own inputs and validator.
#pragma once
#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <string>

#include "parevo/edge.hpp"
#include "parevo/random.hpp"
#include "types.hpp"

namespace task {

struct Input {
  std::vector<int> A;
  std::size_t N = 1;
};
using Output = int;

inline void add_edge(Input& in, std::size_t u, std::size_t v) {
  if (u == v) return;
  in.A[u * in.N + v] = 1;
  in.A[v * in.N + u] = 1;
}

// Edges are drawn on labels 0..N-1 and then relabelled by a random permutation, so no family
// puts its structure on consecutive indices.
inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "two") return generate("sparse", 2, rng);
  Input in;
  in.N = family == "single" ? 1 : family == "paper" ? 128 : static_cast<std::size_t>(std::max(size, 2LL));
  const std::size_t N = in.N;
  in.A.assign(N * N, 0);
  std::vector<std::size_t> label(N);
  std::iota(label.begin(), label.end(), 0);
  for (std::size_t i = N; i > 1; --i) std::swap(label[i - 1], label[rng.below(i)]);
  auto edge = [&](std::size_t u, std::size_t v) { add_edge(in, label[u], label[v]); };
  if (family == "paper") {  // ParEval's generator: every pair with probability 1/2
    for (std::size_t i = 0; i < N; ++i)
      for (std::size_t j = i + 1; j < N; ++j)
        if (rng.below(2)) edge(i, j);
  } else if (family == "sparse") {  // about 0.7 N random edges: a giant component plus many small ones
    for (std::size_t e = 0; e < N * 7 / 10; ++e) edge(rng.below(N), rng.below(N));
  } else if (family == "components") {  // paths of random lengths 1..N/8: the largest is unique-ish
    std::size_t v = 0;
    while (v < N) {
      const std::size_t len = std::min<std::size_t>(N - v, 1 + rng.below(std::max<std::size_t>(N / 8, 1)));
      for (std::size_t k = 1; k < len; ++k) edge(v + k - 1, v + k);
      v += len;
    }
  } else if (family == "chain") {
    for (std::size_t v = 1; v < N; ++v) edge(v - 1, v);
  } else if (family == "star") {  // a hub and all but a few leaves
    for (std::size_t v = 1; v < N - N / 10; ++v) edge(0, v);
  } else if (family == "isolated" || family == "single") {
  } else {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  return in;
}

// The next repetition: the same graph with vertex labels permuted again; the answer stays
// but any index-based shortcut cached from an earlier call breaks. For graphs with a single
// component the answer is N anyway, so also drop one random edge's worth of structure by
// toggling an extra edge between two random vertices.
inline void vary(Input& in, parevo::Rng& rng) {
  const std::size_t N = in.N;
  if (N < 3) return;
  std::vector<std::size_t> perm(N);
  std::iota(perm.begin(), perm.end(), 0);
  for (std::size_t i = N; i > 1; --i) std::swap(perm[i - 1], perm[rng.below(i)]);
  std::vector<int> B(N * N);
  for (std::size_t i = 0; i < N; ++i)
    for (std::size_t j = 0; j < N; ++j) B[perm[i] * N + perm[j]] = in.A[i * N + j];
  in.A.swap(B);
  add_edge(in, rng.below(N), rng.below(N));
}

inline std::vector<int> component_sizes(const Input& in) {
  const std::size_t N = in.N;
  std::vector<std::size_t> parent(N);
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](std::size_t x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; };
  for (std::size_t i = 0; i < N; ++i)
    for (std::size_t j = i + 1; j < N; ++j)
      if (in.A[i * N + j]) parent[find(i)] = find(j);
  std::vector<int> size(N, 0);
  for (std::size_t v = 0; v < N; ++v) ++size[find(v)];
  return size;
}

inline std::string describe(const Input& in) {
  std::size_t edges = 0;
  for (int x : in.A) edges += x != 0;
  const auto sizes = component_sizes(in);
  const auto comps = std::count_if(sizes.begin(), sizes.end(), [](int s) { return s > 0; });
  return "N=" + std::to_string(in.N) + " edges=" + std::to_string(edges / 2) + " components=" + std::to_string(comps);
}

inline Output invoke(const Input& in) { return largestComponent(in.A, in.N); }

inline std::string validate(const Input& in, const Output& out) {
  const auto sizes = component_sizes(in);
  const int expected = *std::max_element(sizes.begin(), sizes.end());
  if (out == expected) return "";
  return "expected a largest component of " + std::to_string(expected) + " vertices, got " + std::to_string(out);
}

}  // namespace task
