// Harness-side: irregular graph generators (PBBS practice). Each returns an undirected
// CSRGraph with permuted labels, no self loops and no duplicate edges.
#pragma once
#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "parevo/graph.hpp"
#include "random.hpp"

namespace parevo::graphs {

using Edge = std::pair<std::int32_t, std::int32_t>;

// Sorts a short adjacency list: insertion sort, which beats std::sort below ~16 elements, and
// most lists of a sparse graph are that short.
inline void sort_short(std::int32_t* first, std::int32_t* last) {
  if (last - first > 16) {
    std::sort(first, last);
    return;
  }
  for (std::int32_t* i = first + 1; i < last; ++i) {
    const std::int32_t x = *i;
    std::int32_t* j = i;
    for (; j > first && *(j - 1) > x; --j) *j = *(j - 1);
    *j = x;
  }
}

// Symmetrises, drops self loops and duplicates, and applies a random relabelling; adjacency
// lists come out sorted. Generation runs before every timed case, so it must stay far cheaper
// than the call it feeds: a direct scatter into the final arrays missed the cache on every edge
// (9 s for 12M vertices and 60M edges). Instead the directed pairs are scattered into buckets of
// ~2^k consecutive sources, each small enough for L2 (~64K pairs), and each bucket is then
// counting-sorted by source in cache (2.3x faster, the same graph).
inline CSRGraph from_edges(std::int32_t n, std::vector<Edge> edges, Rng& rng, bool permute = true) {
  std::vector<std::int32_t> label;
  if (permute) label = random_permutation<std::int32_t>(n, rng);
  CSRGraph g;
  g.n = std::max(n, 0);
  g.offsets.assign(static_cast<std::size_t>(g.n) + 1, 0);
  if (g.n == 0) return g;
  std::int64_t pairs_total = 0;
  for (auto& [u, v] : edges) {
    if (permute) { u = label[u]; v = label[v]; }
    pairs_total += 2 * (u != v);
  }
  int shift = 0;  // bucket = source >> shift
  const double pairs_per_vertex = static_cast<double>(pairs_total) / g.n;
  while (shift < 20 && static_cast<double>(std::int64_t{2} << shift) * pairs_per_vertex <= 65536.0) ++shift;
  const std::int64_t buckets = ((static_cast<std::int64_t>(g.n) - 1) >> shift) + 1;
  std::vector<std::int64_t> start(static_cast<std::size_t>(buckets) + 1, 0);
  for (auto [u, v] : edges) {
    if (u == v) continue;
    start[(u >> shift) + 1]++;
    start[(v >> shift) + 1]++;
  }
  for (std::int64_t b = 0; b < buckets; ++b) start[b + 1] += start[b];
  std::vector<std::uint64_t> pairs(static_cast<std::size_t>(pairs_total));  // source << 32 | target
  {
    std::vector<std::int64_t> fill(start.begin(), start.end() - 1);
    for (auto [u, v] : edges) {
      if (u == v) continue;
      pairs[fill[u >> shift]++] = (std::uint64_t(std::uint32_t(u)) << 32) | std::uint32_t(v);
      pairs[fill[v >> shift]++] = (std::uint64_t(std::uint32_t(v)) << 32) | std::uint32_t(u);
    }
    std::vector<Edge>().swap(edges);
  }
  g.targets.reserve(pairs.size());
  std::vector<std::int64_t> count;
  std::vector<std::int32_t> local;
  for (std::int64_t b = 0; b < buckets; ++b) {
    const std::int32_t lo = static_cast<std::int32_t>(b << shift);
    const std::int32_t hi = static_cast<std::int32_t>(std::min<std::int64_t>(g.n, (b + 1) << shift));
    count.assign(static_cast<std::size_t>(hi - lo) + 1, 0);
    for (std::int64_t k = start[b]; k < start[b + 1]; ++k) count[(pairs[k] >> 32) - lo + 1]++;
    for (std::int32_t i = 0; i < hi - lo; ++i) count[i + 1] += count[i];
    local.resize(static_cast<std::size_t>(start[b + 1] - start[b]));
    {
      std::vector<std::int64_t> at(count.begin(), count.end() - 1);
      for (std::int64_t k = start[b]; k < start[b + 1]; ++k)
        local[at[(pairs[k] >> 32) - lo]++] = static_cast<std::int32_t>(pairs[k] & 0xffffffffu);
    }
    // Sort each list and compact it in place without duplicates (the write cursor never
    // overtakes the read one), then append the whole bucket at once.
    std::int32_t* out = local.data();
    const std::int64_t base = static_cast<std::int64_t>(g.targets.size());
    for (std::int32_t v = lo; v < hi; ++v) {
      std::int32_t* first = local.data() + count[v - lo];
      std::int32_t* last = local.data() + count[v - lo + 1];
      sort_short(first, last);
      std::int32_t previous = -1;
      for (std::int32_t* i = first; i < last; ++i) {
        const std::int32_t x = *i;
        *out = x;
        out += x != previous;
        previous = x;
      }
      g.offsets[v + 1] = base + (out - local.data());
    }
    g.targets.insert(g.targets.end(), local.data(), out);
  }
  return g;
}

// Power-law (rMat, a=.55, b=c=.125) with about `avg_degree * n / 2` undirected edges.
// Each level's quadrant comes from one byte of a 64-bit draw through a 256-entry table (the
// probabilities become 141/256, 32/256, 32/256, 51/256): 8 levels per draw instead of one
// draw and three comparisons per level, which made edge generation 6x faster.
inline CSRGraph rmat(std::int32_t n, Rng& rng, double avg_degree = 10.0) {
  if (n <= 1) return from_edges(std::max(n, 0), {}, rng);
  int scale = 0;
  while ((std::int64_t{1} << scale) < n) ++scale;
  // Quadrants by byte value: [0, 141) none, [141, 173) v, [173, 205) u, [205, 256) both.
  std::uint8_t quadrant[256];
  for (int x = 0; x < 256; ++x) quadrant[x] = x < 141 ? 0 : x < 173 ? 1 : x < 205 ? 2 : 3;  // bit 1: u, bit 0: v
  const std::int64_t m = static_cast<std::int64_t>(avg_degree * n / 2);
  std::vector<Edge> edges;
  edges.reserve(static_cast<std::size_t>(m));
  for (std::int64_t i = 0; i < m; ++i) {
    std::uint64_t u = 0, v = 0, bits = 0;
    for (int level = 0; level < scale; ++level) {
      if ((level & 7) == 0) bits = rng.next();
      const std::uint64_t q = quadrant[bits & 0xff];
      bits >>= 8;
      u = (u << 1) | (q >> 1);
      v = (v << 1) | (q & 1);
    }
    // u, v < 2^scale < 2n, so one subtraction is the `% n` (a 64-bit division per endpoint
    // cost as much as the rest of the loop).
    edges.emplace_back(static_cast<std::int32_t>(u >= std::uint64_t(n) ? u - n : u),
                       static_cast<std::int32_t>(v >= std::uint64_t(n) ? v - n : v));
  }
  return from_edges(n, std::move(edges), rng);
}

// A fresh random relabelling for a timed repetition, cheap at any size. Small graphs get a full
// random permutation. Large ones permute blocks of 64 labels and rotate each block by its own
// random offset: every vertex still moves (so an answer cached from an earlier call is wrong),
// but computing a label reads a table 1/64th the size of the graph, which stays in cache, where
// a full permutation cost a cache miss per edge (1.9 s against 0.6 s at 12M vertices).
class Relabelling {
 public:
  Relabelling(std::int32_t n, Rng& rng) {
    if (n < kFullBelow) {
      full_ = random_permutation<std::int32_t>(n, rng);
      return;
    }
    blocks_ = random_permutation<std::int32_t>(n >> 6, rng);
    for (auto& b : blocks_) b = (b << 6) | static_cast<std::int32_t>(rng.next() & 63);
  }
  std::int32_t operator()(std::int32_t v) const {
    if (!full_.empty()) return full_[v];
    const std::size_t block = static_cast<std::size_t>(v) >> 6;
    if (block >= blocks_.size()) return v;  // the last n % 64 vertices stay (at most 63)
    const std::int32_t entry = blocks_[block];
    return (entry & ~63) | ((v + entry) & 63);
  }

 private:
  static constexpr std::int32_t kFullBelow = 1 << 16;
  std::vector<std::int32_t> full_, blocks_;
};

// The same graph under a fresh relabelling, for one pass over the edges instead of a
// regeneration. Adjacency lists keep their order, so they are no longer sorted (no statement
// promises an order). `each_edge(old_index, new_index)` lets callers carry edge data along.
template <class Graph, class EachEdge>
void relabel_into(const Graph& g, Graph& h, Rng& rng, EachEdge each_edge) {
  const Relabelling label(g.n, rng);
  h.n = g.n;
  h.offsets.assign(static_cast<std::size_t>(g.n) + 1, 0);
  for (std::int32_t v = 0; v < g.n; ++v) h.offsets[label(v) + 1] = g.degree(v);
  for (std::int32_t v = 0; v < g.n; ++v) h.offsets[v + 1] += h.offsets[v];
  h.targets.resize(g.targets.size());
  for (std::int32_t v = 0; v < g.n; ++v) {
    std::int64_t out = h.offsets[label(v)];
    for (std::int64_t k = g.offsets[v]; k < g.offsets[v + 1]; ++k, ++out) {
      h.targets[out] = label(g.targets[k]);
      each_edge(k, out);
    }
  }
}

inline CSRGraph relabel(const CSRGraph& g, Rng& rng) {
  CSRGraph h;
  relabel_into(g, h, rng, [](std::int64_t, std::int64_t) {});
  return h;
}

// Uniform random graph (Erdos-Renyi style) with about avg_degree * n / 2 edges.
inline CSRGraph uniform(std::int32_t n, Rng& rng, double avg_degree = 8.0) {
  if (n <= 1) return from_edges(std::max(n, 0), {}, rng);
  std::int64_t m = static_cast<std::int64_t>(avg_degree * n / 2);
  std::vector<Edge> edges;
  edges.reserve(static_cast<std::size_t>(m));
  for (std::int64_t i = 0; i < m; ++i)
    edges.emplace_back(static_cast<std::int32_t>(rng.below(n)), static_cast<std::int32_t>(rng.below(n)));
  return from_edges(n, std::move(edges), rng);
}

// A side x side 4-neighbour grid (side = floor(sqrt(n))): moderate, uniform diameter.
inline CSRGraph grid2d(std::int32_t n, Rng& rng) {
  std::int32_t side = static_cast<std::int32_t>(std::sqrt(static_cast<double>(std::max(n, 0))));
  std::int32_t nn = side * side;
  std::vector<Edge> edges;
  for (std::int32_t r = 0; r < side; ++r)
    for (std::int32_t c = 0; c < side; ++c) {
      std::int32_t v = r * side + c;
      if (c + 1 < side) edges.emplace_back(v, v + 1);
      if (r + 1 < side) edges.emplace_back(v, v + side);
    }
  return from_edges(nn, std::move(edges), rng);
}

// A single path through all vertices: diameter n-1, the worst case for level-synchronous code.
inline CSRGraph chain(std::int32_t n, Rng& rng) {
  std::vector<Edge> edges;
  for (std::int32_t v = 0; v + 1 < n; ++v) edges.emplace_back(v, v + 1);
  return from_edges(std::max(n, 0), std::move(edges), rng);
}

// One hub adjacent to every other vertex: maximal degree skew.
inline CSRGraph star(std::int32_t n, Rng& rng) {
  std::vector<Edge> edges;
  for (std::int32_t v = 1; v < n; ++v) edges.emplace_back(0, v);
  return from_edges(std::max(n, 0), std::move(edges), rng);
}

// Many small components (random trees of 1..max_size vertices, a few with an extra cycle edge).
inline CSRGraph components(std::int32_t n, Rng& rng, std::int32_t max_size = 24) {
  std::vector<Edge> edges;
  std::int32_t start = 0;
  while (start < n) {
    std::int32_t size = std::min<std::int32_t>(n - start, 1 + static_cast<std::int32_t>(rng.below(max_size)));
    for (std::int32_t i = 1; i < size; ++i)
      edges.emplace_back(start + i, start + static_cast<std::int32_t>(rng.below(i)));
    if (size > 2 && rng.below(4) == 0) edges.emplace_back(start, start + size - 1);
    start += size;
  }
  return from_edges(std::max(n, 0), std::move(edges), rng);
}

// n isolated vertices.
inline CSRGraph empty(std::int32_t n, Rng& rng) { return from_edges(std::max(n, 0), {}, rng); }

// A uniform random graph on half the vertices, the other half isolated (degree 0), labels
// mixed: code that assumes every vertex has a neighbour, or that reads only a prefix of the
// vertices, goes wrong.
inline CSRGraph isolated(std::int32_t n, Rng& rng) {
  const std::int32_t half = std::max(n, 0) / 2;
  std::vector<Edge> edges;
  for (std::int64_t e = 0; half > 1 && e < 4LL * half; ++e)
    edges.emplace_back(static_cast<std::int32_t>(rng.below(half)), static_cast<std::int32_t>(rng.below(half)));
  return from_edges(std::max(n, 0), std::move(edges), rng);
}

// Disjoint cliques of 1..max_size vertices (uniformly drawn sizes): many small pieces, each
// one dense, so triangle counts are large and colourings need up to max_size colours.
inline CSRGraph cliques(std::int32_t n, Rng& rng, std::int32_t max_size = 32) {
  std::vector<Edge> edges;
  std::int32_t start = 0;
  while (start < n) {
    std::int32_t size = std::min<std::int32_t>(n - start, 1 + static_cast<std::int32_t>(rng.below(max_size)));
    for (std::int32_t i = 0; i < size; ++i)
      for (std::int32_t j = i + 1; j < size; ++j) edges.emplace_back(start + i, start + j);
    start += size;
  }
  return from_edges(std::max(n, 0), std::move(edges), rng);
}

// The family dispatch of every graph task; unknown names are a harness error, not a candidate
// failure, so they throw std::invalid_argument. Besides the common families: "cliques" (disjoint
// cliques of up to 32 vertices), "dense" (a uniform random graph of average degree 48: thousands
// of triangles at any size), and "rmat_sparse" / "uniform_sparse" (average degree 3, like road
// networks). The sparse ones time the tasks whose sequential pass costs ~10 ns per vertex (mis,
// matching): a baseline of 0.5 s needs tens of millions of vertices, which fit in memory only
// with few edges.
inline CSRGraph by_family(const std::string& family, std::int32_t n, Rng& rng) {
  if (family == "cliques") return cliques(n, rng);
  if (family == "dense") return uniform(n, rng, 48.0);
  if (family == "rmat_sparse") return rmat(n, rng, 3.0);
  if (family == "uniform_sparse") return uniform(n, rng, 3.0);
  if (family == "rmat") return rmat(n, rng);
  if (family == "uniform") return uniform(n, rng);
  if (family == "grid2d") return grid2d(n, rng);
  if (family == "chain") return chain(n, rng);
  if (family == "star") return star(n, rng);
  if (family == "components") return components(n, rng);
  if (family == "empty") return empty(n, rng);
  if (family == "single") return empty(1, rng);
  if (family == "two") return from_edges(2, {Edge(0, 1)}, rng);  // one edge
  if (family == "isolated") return isolated(n, rng);
  throw std::invalid_argument("unknown graph family '" + family + "'");
}

}  // namespace parevo::graphs
