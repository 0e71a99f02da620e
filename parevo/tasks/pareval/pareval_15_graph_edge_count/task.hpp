// Harness side of ParEval 15 (directed edge count) with parevo's own inputs and validator.
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

// Vertex labels are a random permutation, so hubs and edges do not sit on consecutive rows.
inline Input generate(const std::string& family, long long size, parevo::Rng& rng) {
  if (family == "two") return generate("sparse", 2, rng);
  Input in;
  in.N = family == "single" ? 1 : family == "paper" ? 128 : static_cast<std::size_t>(std::max(size, 2LL));
  const std::size_t N = in.N;
  in.A.assign(N * N, 0);
  const auto label = parevo::random_permutation<std::size_t>(N, rng);
  auto edge = [&](std::size_t u, std::size_t v) { in.A[label[u] * N + label[v]] = 1; };
  if (family == "paper") {  // ParEval's generator: every entry, the diagonal included, with probability 1/2
    for (std::size_t k = 0; k < N * N; ++k) in.A[k] = static_cast<int>(rng.below(2));
  } else if (family == "sparse") {  // about 4 random out-edges per vertex, no self-loops
    for (std::size_t e = 0; e < 4 * N; ++e) {
      const std::size_t u = rng.below(N), v = rng.below(N);
      if (u != v) edge(u, v);
    }
  } else if (family == "hubs") {  // about 1/32 of the vertices point at every other vertex, the rest at none
    for (std::size_t u = 0; u < std::max<std::size_t>(N / 32, 1); ++u)
      for (std::size_t v = 0; v < N; ++v)
        if (u != v) edge(u, v);
  } else if (family == "complete") {
    for (std::size_t u = 0; u < N; ++u)
      for (std::size_t v = 0; v < N; ++v)
        if (u != v) edge(u, v);
  } else if (family == "single") {  // one vertex, with or without a self-loop
    in.A[0] = static_cast<int>(rng.below(2));
  } else if (family != "empty") {
    throw std::invalid_argument("unknown family '" + family + "'");
  }
  return in;
}

// The next repetition: toggle one random entry, so the count moves by exactly one.
inline void vary(Input& in, parevo::Rng& rng) {
  const std::size_t k = rng.below(in.N * in.N);
  in.A[k] = 1 - in.A[k];
}

inline long long count_edges(const Input& in) {
  long long c = 0;
  for (int x : in.A) c += x == 1;
  return c;
}

inline std::string describe(const Input& in) {
  return "N=" + std::to_string(in.N) + " edges=" + std::to_string(count_edges(in));
}

inline Output invoke(const Input& in) { return edgeCount(in.A, in.N); }

inline std::string validate(const Input& in, const Output& out) {
  const long long expected = count_edges(in);
  if (out == expected) return "";
  return "expected " + std::to_string(expected) + " edges, got " + std::to_string(out);
}

}  // namespace task
