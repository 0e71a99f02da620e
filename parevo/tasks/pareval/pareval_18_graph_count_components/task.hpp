// Harness side of ParEval 18 (count components) with parevo's own inputs and validator.
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

inline void set_edge(Input& in, std::size_t u, std::size_t v, int value) {
  if (u == v) return;
  in.A[u * in.N + v] = value;
  in.A[v * in.N + u] = value;
}

// Edges are drawn on labels 0..N-1 and relabelled by a random permutation.
inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "two") return generate("sparse", 2, rng);
  Input in;
  in.N = family == "single" ? 1 : family == "paper" ? 512 : static_cast<std::size_t>(std::max(size, 2LL));
  const std::size_t N = in.N;
  in.A.assign(N * N, 0);
  const auto label = parevo::random_permutation<std::size_t>(N, rng);
  auto edge = [&](std::size_t u, std::size_t v) { set_edge(in, label[u], label[v], 1); };
  if (family == "paper") {  // ParEval's generator: every pair with probability 1/2
    for (std::size_t i = 0; i < N; ++i)
      for (std::size_t j = i + 1; j < N; ++j)
        if (rng.below(2)) edge(i, j);
  } else if (family == "sparse") {  // about 0.6 N random edges: a giant component plus many small ones
    for (std::size_t e = 0; e < N * 6 / 10; ++e) edge(rng.below(N), rng.below(N));
  } else if (family == "components") {  // paths of random lengths 1..N/16
    std::size_t v = 0;
    while (v < N) {
      const std::size_t len = std::min<std::size_t>(N - v, 1 + rng.below(std::max<std::size_t>(N / 16, 1)));
      for (std::size_t k = 1; k < len; ++k) edge(v + k - 1, v + k);
      v += len;
    }
  } else if (family == "chain") {
    for (std::size_t v = 1; v < N; ++v) edge(v - 1, v);
  } else if (family == "star") {  // a hub and all but a tenth of the vertices as leaves
    for (std::size_t v = 1; v < N - N / 10; ++v) edge(0, v);
  } else if (family != "isolated" && family != "single") {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  return in;
}

// Component labels by union-find over the upper triangle.
inline std::vector<std::size_t> roots(const Input& in) {
  const std::size_t N = in.N;
  std::vector<std::size_t> parent(N);
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](std::size_t x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; };
  for (std::size_t i = 0; i < N; ++i)
    for (std::size_t j = i + 1; j < N; ++j)
      if (in.A[i * N + j]) parent[find(i)] = find(j);
  for (std::size_t v = 0; v < N; ++v) parent[v] = find(v);
  return parent;
}

inline int count_components(const Input& in) {
  const auto r = roots(in);
  int c = 0;
  for (std::size_t v = 0; v < in.N; ++v) c += r[v] == v;
  return c;
}

// The next repetition changes the count: cut every edge of a random non-isolated vertex (it
// becomes its own component, and its old component loses it: at least one more component), or,
// when there is no edge at all, join two random vertices (one fewer).
inline void vary(Input& in, parevo::Rng& rng) {
  const std::size_t N = in.N;
  if (N < 2) return;
  std::vector<std::size_t> touched;
  for (std::size_t v = 0; v < N; ++v)
    for (std::size_t u = 0; u < N; ++u)
      if (in.A[v * N + u]) { touched.push_back(v); break; }
  if (touched.empty()) {
    const std::size_t u = rng.below(N), v = (u + 1 + rng.below(N - 1)) % N;
    set_edge(in, u, v, 1);
    return;
  }
  const std::size_t v = touched[rng.below(touched.size())];
  for (std::size_t u = 0; u < N; ++u) set_edge(in, v, u, 0);
}

inline std::string describe(const Input& in) {
  std::size_t edges = 0;
  for (int x : in.A) edges += x != 0;
  return "N=" + std::to_string(in.N) + " edges=" + std::to_string(edges / 2) +
         " components=" + std::to_string(count_components(in));
}

inline Output invoke(const Input& in) { return componentCount(in.A, in.N); }

inline std::string validate(const Input& in, const Output& out) {
  const int expected = count_components(in);
  if (out == expected) return "";
  return "expected " + std::to_string(expected) + " components, got " + std::to_string(out);
}

}  // namespace task
