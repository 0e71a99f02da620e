// Harness side of the triangle_count task: inputs, the call, and the validator.
#pragma once
#include <algorithm>
#include <string>

#include "parevo/graphs.hpp"
#include "types.hpp"

namespace task {

struct Input {
  CSRGraph g;
};
using Output = std::int64_t;

inline Input generate(const std::string& family, long long n, parevo::Rng& rng) {
  Input in;
  in.g = parevo::graphs::by_family(family, static_cast<std::int32_t>(n), rng);
  return in;
}

// Another instance for the next repetition: drop about 2% of the edges (so the count changes
// on every family that has triangles) and relabel the rest, in one pass over the edges. Whether
// an edge goes is a hash of its two ends, so both of its directions agree. Adjacency lists
// keep their old order under the new labels, so they are not sorted.
inline void vary(Input& in, parevo::Rng& rng) {
  const CSRGraph& g = in.g;
  const std::uint64_t salt = rng.next();
  auto dropped = [salt](std::int32_t u, std::int32_t v) {
    if (u > v) std::swap(u, v);
    parevo::Rng h(salt ^ (static_cast<std::uint64_t>(u) << 32 | static_cast<std::uint32_t>(v)));
    return h.next() % 50 == 0;
  };
  std::vector<std::int32_t> label = parevo::random_permutation<std::int32_t>(g.n, rng);
  std::vector<char> keep(g.targets.size());
  CSRGraph h;
  h.n = g.n;
  h.offsets.assign(static_cast<std::size_t>(g.n) + 1, 0);
  for (std::int32_t v = 0; v < g.n; ++v) {
    std::int64_t d = 0;
    for (std::int64_t k = g.offsets[v]; k < g.offsets[v + 1]; ++k) d += keep[k] = !dropped(v, g.targets[k]);
    h.offsets[label[v] + 1] = d;
  }
  for (std::int32_t v = 0; v < g.n; ++v) h.offsets[v + 1] += h.offsets[v];
  h.targets.resize(static_cast<std::size_t>(h.offsets[g.n]));
  for (std::int32_t v = 0; v < g.n; ++v) {
    std::int32_t* out = h.targets.data() + h.offsets[label[v]];
    for (std::int64_t k = g.offsets[v]; k < g.offsets[v + 1]; ++k)
      if (keep[k]) *out++ = label[g.targets[k]];
  }
  in.g = std::move(h);
}

inline std::string describe(const Input& in) {
  std::int64_t max_degree = 0;
  for (std::int32_t v = 0; v < in.g.n; ++v) max_degree = std::max(max_degree, in.g.degree(v));
  return "n=" + std::to_string(in.g.n) + " directed_edges=" + std::to_string(in.g.num_edges()) +
         " max_degree=" + std::to_string(max_degree);
}

inline Output invoke(const Input& in) { return triangle_count(in.g); }

// The exact count, by the standard degree-ordered method: orient each edge towards the end of
// higher (degree, id), sort the out-lists, and count each triangle once at its lowest vertex.
inline std::int64_t count_triangles(const CSRGraph& g) {
  const std::int32_t n = g.n;
  auto before = [&](std::int32_t a, std::int32_t b) {
    const std::int64_t da = g.degree(a), db = g.degree(b);
    return da < db || (da == db && a < b);
  };
  std::vector<std::int64_t> off(static_cast<std::size_t>(n) + 1, 0);
  for (std::int32_t u = 0; u < n; ++u)
    for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) off[u + 1] += before(u, g.targets[k]);
  for (std::int32_t u = 0; u < n; ++u) off[u + 1] += off[u];
  std::vector<std::int32_t> out(static_cast<std::size_t>(off[n]));
  for (std::int32_t u = 0; u < n; ++u) {
    std::int64_t at = off[u];
    for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k)
      if (before(u, g.targets[k])) out[at++] = g.targets[k];
    std::sort(out.begin() + off[u], out.begin() + off[u + 1]);
  }
  std::int64_t total = 0;
  for (std::int32_t u = 0; u < n; ++u)
    for (std::int64_t k = off[u]; k < off[u + 1]; ++k) {
      const std::int32_t v = out[k];
      std::int64_t i = off[u], j = off[v];
      while (i < off[u + 1] && j < off[v + 1]) {
        if (out[i] < out[j]) ++i;
        else if (out[i] > out[j]) ++j;
        else { ++total; ++i; ++j; }
      }
    }
  return total;
}

inline std::string validate(const Input& in, const Output& out) {
  const std::int64_t expected = count_triangles(in.g);
  if (out == expected) return "";
  return "expected " + std::to_string(expected) + " triangles, got " + std::to_string(out) + " (" +
         (out > expected ? "over" : "under") + "counted by " + std::to_string(out > expected ? out - expected : expected - out) +
         "; n=" + std::to_string(in.g.n) + ", " + std::to_string(in.g.num_edges() / 2) + " edges)";
}

}  // namespace task
