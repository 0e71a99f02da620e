// Harness-side: the pieces every task generated from a user's own function shares
// (parevo/owncode/codegen.py writes the rest). Values are generated from keys so that the key
// families of keys.hpp (skewed, duplicates, sorted...) shape any element type; outputs are
// compared through a flat list of leaves, so one comparison serves every type wire.hpp can carry.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "graphs.hpp"
#include "keys.hpp"
#include "random.hpp"
#include "text.hpp"
#include "wire.hpp"

namespace parevo::own {

// Array families (their keys.hpp distribution) and graph families (graphs.hpp).
inline std::string key_family(const std::string& f) {
  if (f == "skewed") return "zipf";
  if (f == "duplicates") return "few_distinct";
  return f;  // uniform hot_key sorted reverse nearly_sorted all_equal single two empty
}

inline bool is_graph_family(const std::string& f) {
  return f == "rmat" || f == "uniform_graph" || f == "grid2d" || f == "chain" || f == "star" || f == "components" ||
         f == "isolated" || f == "empty_graph" || f == "single_vertex" || f == "two_vertices";
}

inline CSRGraph graph(const std::string& f, long long size, Rng& rng) {
  const auto n = static_cast<std::int32_t>(std::clamp<long long>(size, 1, 1 << 30));
  if (f == "uniform_graph") return graphs::uniform(n, rng);
  if (f == "empty_graph") return graphs::empty(n, rng);
  if (f == "single_vertex") return graphs::by_family("single", n, rng);
  if (f == "two_vertices") return graphs::by_family("two", n, rng);
  return graphs::by_family(f, n, rng);
}

// Keys in [0, bound) (bound 0: the whole 64-bit range) shaped by an array family.
inline std::vector<std::uint64_t> keys(const std::string& family, long long size, std::uint64_t bound, Rng& rng) {
  return parevo::keys::by_family<std::uint64_t>(key_family(family), static_cast<std::size_t>(std::max(size, 0LL)),
                                                bound, rng);
}

template <class T>
T from_key(std::uint64_t k, long double lo, long double hi, std::uint64_t bound) {
  if constexpr (std::is_same_v<T, bool>) return (k & 1) != 0;
  else if constexpr (std::is_floating_point_v<T>) {
    const long double unit = bound ? static_cast<long double>(k) / static_cast<long double>(bound) : 0.0L;
    return static_cast<T>(lo + (hi - lo) * unit);
  } else {
    return static_cast<T>(static_cast<long long>(lo) + static_cast<long long>(k));
  }
}

// The bound of integer keys for a range [lo, hi]; floating values use 2^32 steps.
template <class T>
std::uint64_t key_bound(long double lo, long double hi) {
  if constexpr (std::is_floating_point_v<T>) return std::uint64_t{1} << 32;
  else if constexpr (std::is_same_v<T, bool>) return 2;
  else return static_cast<std::uint64_t>(std::max<long double>(1, hi - lo + 1));
}

template <class T>
T random_value(Rng& rng, long double lo, long double hi) {
  const std::uint64_t b = key_bound<T>(lo, hi);
  return from_key<T>(rng.below(b), lo, hi, b);
}

// A vertex parameter: a random vertex with neighbours when one is found in 64 draws (a source
// in a graph's big part, so a traversal does work), else any vertex; 0 for an empty graph.
inline std::int64_t vertex(const CSRGraph& g, Rng& rng) {
  if (g.n <= 0) return 0;
  std::int64_t v = 0;
  for (int tries = 0; tries < 64; ++tries) {
    v = static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(g.n)));
    if (g.degree(static_cast<std::int32_t>(v)) > 0) break;
  }
  return v;
}

template <class V>
std::vector<std::vector<V>> adjacency(const CSRGraph& g) {
  std::vector<std::vector<V>> adj(static_cast<std::size_t>(g.n));
  for (std::int32_t v = 0; v < g.n; ++v)
    adj[v].assign(g.targets.begin() + g.offsets[v], g.targets.begin() + g.offsets[v + 1]);
  return adj;
}

template <class O, class T>
void csr(const CSRGraph& g, std::vector<O>& offsets, std::vector<T>& targets) {
  offsets.assign(g.offsets.begin(), g.offsets.end());
  targets.assign(g.targets.begin(), g.targets.end());
}

// The statement's promise about a graph, checked on graphs a task's extra family built (an LLM's
// generator, the user's files): offsets well formed, targets in range, no self loop, no duplicate
// edge, every edge present in both directions. Throws, naming the first offence.
inline void require_undirected(const CSRGraph& g) {
  const auto fail = [](const std::string& what) { throw std::invalid_argument("the family's graph breaks the statement: " + what); };
  if (g.n < 0 || g.offsets.size() != static_cast<std::size_t>(g.n) + 1 || g.offsets[0] != 0 ||
      g.offsets.back() != static_cast<std::int64_t>(g.targets.size()))
    fail("offsets must have n+1 entries from 0 to the number of targets");
  std::vector<std::pair<std::int32_t, std::int32_t>> arcs;
  arcs.reserve(g.targets.size());
  for (std::int32_t u = 0; u < g.n; ++u) {
    if (g.offsets[u + 1] < g.offsets[u]) fail("offsets decrease at vertex " + std::to_string(u));
    for (std::int64_t k = g.offsets[u]; k < g.offsets[u + 1]; ++k) {
      const std::int32_t v = g.targets[k];
      if (v < 0 || v >= g.n) fail("vertex " + std::to_string(u) + " has a neighbour out of range (" + std::to_string(v) + ")");
      if (v == u) fail("a self loop at vertex " + std::to_string(u));
      arcs.emplace_back(u, v);
    }
  }
  std::sort(arcs.begin(), arcs.end());
  for (std::size_t i = 0; i < arcs.size(); ++i) {
    if (i > 0 && arcs[i] == arcs[i - 1])
      fail("a duplicate edge " + std::to_string(arcs[i].first) + "-" + std::to_string(arcs[i].second));
    if (!std::binary_search(arcs.begin(), arcs.end(), std::make_pair(arcs[i].second, arcs[i].first)))
      fail("the edge " + std::to_string(arcs[i].first) + "->" + std::to_string(arcs[i].second) + " has no reverse");
  }
}

inline std::string graph_shape(const CSRGraph& g) {
  std::int64_t top = 0, zero = 0;
  for (std::int32_t v = 0; v < g.n; ++v) {
    top = std::max(top, g.degree(v));
    zero += g.degree(v) == 0;
  }
  return "n=" + std::to_string(g.n) + " edges=" + std::to_string(g.num_edges()) + " max_degree=" + std::to_string(top) +
         " degree0=" + std::to_string(zero);
}

// "n=... distinct=... top_key_share=..." of a key sequence (the skew a family produced).
inline std::string key_shape(std::vector<std::uint64_t> k) {
  const std::size_t n = k.size();
  std::sort(k.begin(), k.end());
  std::size_t distinct = 0, run = 0, top = 0;
  for (std::size_t i = 0; i < n; ++i) {
    run = (i > 0 && k[i] == k[i - 1]) ? run + 1 : 1;
    distinct += run == 1;
    top = std::max(top, run);
  }
  std::ostringstream s;
  s << "n=" << n << " distinct=" << distinct << " top_key=" << top;
  return s.str();
}

// A value's bits as a key (floating values by their representation, so equal values share one).
template <class T>
std::uint64_t bits(const T& v) {
  if constexpr (std::is_floating_point_v<T>) {
    const double d = static_cast<double>(v);
    std::uint64_t b;
    std::memcpy(&b, &d, sizeof b);
    return b;
  } else {
    return static_cast<std::uint64_t>(v);
  }
}

template <class V>
std::string adjacency_shape(const std::vector<std::vector<V>>& adj) {
  std::size_t edges = 0, top = 0, zero = 0;
  for (const auto& row : adj) { edges += row.size(); top = std::max(top, row.size()); zero += row.empty(); }
  return "n=" + std::to_string(adj.size()) + " edges=" + std::to_string(edges) + " max_degree=" + std::to_string(top) +
         " degree0=" + std::to_string(zero);
}

template <class O>
std::string csr_shape(const std::vector<O>& offsets) {
  long long top = 0, zero = 0;
  for (std::size_t v = 0; v + 1 < offsets.size(); ++v) {
    const long long d = static_cast<long long>(offsets[v + 1] - offsets[v]);
    top = std::max(top, d);
    zero += d == 0;
  }
  return "n=" + std::to_string(offsets.empty() ? 0 : offsets.size() - 1) + " edges=" +
         std::to_string(offsets.empty() ? 0 : static_cast<long long>(offsets.back())) + " max_degree=" + std::to_string(top) +
         " degree0=" + std::to_string(zero);
}

// ---- comparison -------------------------------------------------------------------------------

struct Leaf {
  int kind = 0;  // 0 integer, 1 floating, 2 a size
  long double f = 0;
  long long i = 0;
  std::size_t top = 0;  // index of the top-level element it belongs to
};

template <class T>
void flatten(const T& v, std::vector<Leaf>& out, std::size_t top) {
  using namespace parevo::wire::detail;
  if constexpr (std::is_floating_point_v<T>) out.push_back({1, static_cast<long double>(v), 0, top});
  else if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>) out.push_back({0, 0, static_cast<long long>(v), top});
  else if constexpr (std::is_same_v<T, std::string>) {
    out.push_back({2, 0, static_cast<long long>(v.size()), top});
    for (char c : v) out.push_back({0, 0, c, top});
  } else if constexpr (is_vector<T>::value || is_array<T>::value) {
    out.push_back({2, 0, static_cast<long long>(v.size()), top});
    for (const auto& e : v) flatten(e, out, top);
  } else if constexpr (is_pair<T>::value) {
    flatten(v.first, out, top);
    flatten(v.second, out, top);
  } else {
    parevo::wire::detail::for_fields(v, [&](const auto& f) { flatten(f, out, top); });
  }
}

// A hash of leaves (their values, not their bytes: a struct's padding is not a value): the probe's
// fingerprint of an output, and of a generated task's input (codegen's task::fingerprint).
inline std::uint64_t leaf_hash(const std::vector<Leaf>& leaves) {
  std::uint64_t h = 1469598103934665603ULL;
  auto mix = [&](const void* p, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) h = (h ^ static_cast<const unsigned char*>(p)[i]) * 1099511628211ULL;
  };
  for (const auto& l : leaves) {
    const double f = static_cast<double>(l.f);
    mix(&l.kind, sizeof l.kind);
    mix(&l.i, sizeof l.i);
    mix(&f, sizeof f);
  }
  return h;
}

// Leaves of each top-level element separately (a vector's elements, or the value as one).
template <class T>
std::vector<std::vector<Leaf>> elements(const T& v) {
  std::vector<std::vector<Leaf>> out;
  if constexpr (parevo::wire::detail::is_vector<T>::value) {
    for (std::size_t i = 0; i < v.size(); ++i) { out.emplace_back(); flatten(v[i], out.back(), i); }
  } else {
    out.emplace_back();
    flatten(v, out.back(), 0);
  }
  return out;
}

inline std::string show(const Leaf& l) {
  std::ostringstream s;
  s.precision(17);
  if (l.kind == 1) s << static_cast<double>(l.f);
  else if (l.kind == 2) s << "size " << l.i;
  else s << l.i;
  return s.str();
}

inline bool leaf_equal(const Leaf& a, const Leaf& b, long double rel, long double scale) {
  if (a.kind != b.kind) return false;
  if (a.kind != 1) return a.i == b.i;
  if (std::isnan(a.f) || std::isnan(b.f)) return std::isnan(a.f) && std::isnan(b.f);
  if (a.f == b.f) return true;
  return std::fabs(a.f - b.f) <= rel * std::max({std::fabs(a.f), std::fabs(b.f), scale});
}

// "" when `got` matches `want` (floating leaves within rel of the larger of the two and of the
// output's largest magnitude, so a sum that cancels to near zero is judged at the scale of its
// terms); else the first difference and how many leaves differ.
inline std::string compare_leaves(const std::vector<Leaf>& want, const std::vector<Leaf>& got, long double rel,
                                  const char* where) {
  long double scale = 0;
  for (const Leaf& l : want)
    if (l.kind == 1 && std::isfinite(l.f)) scale = std::max(scale, std::fabs(l.f));
  std::size_t wrong = 0, first = 0;
  const std::size_t n = std::min(want.size(), got.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (want[i].kind == 2 && (got[i].kind != 2 || got[i].i != want[i].i)) {  // a size differs: the rest is shifted
      if (wrong == 0) first = i;
      ++wrong;
      break;
    }
    if (!leaf_equal(want[i], got[i], rel, scale) && wrong++ == 0) first = i;
  }
  if (wrong == 0 && want.size() == got.size()) return "";
  if (wrong == 0) first = n;
  std::ostringstream s;
  s << where << " element " << (first < want.size() ? want[first].top : (first < got.size() ? got[first].top : 0)) << ": expected "
    << (first < want.size() ? show(want[first]) : "nothing") << ", got " << (first < got.size() ? show(got[first]) : "nothing");
  if (wrong > 1) s << " (" << wrong << " values differ)";
  return s.str();
}

// A vector's leaves tagged with their element's index (so a difference names the element).
template <class T>
std::vector<Leaf> indexed(const T& v) {
  std::vector<Leaf> out;
  if constexpr (parevo::wire::detail::is_vector<T>::value) {
    out.push_back({2, 0, static_cast<long long>(v.size()), 0});
    for (std::size_t i = 0; i < v.size(); ++i) flatten(v[i], out, i);
  } else {
    flatten(v, out, 0);
  }
  return out;
}

template <class T>
std::string compare(const T& want, const T& got, long double rel) {
  return compare_leaves(indexed(want), indexed(got), rel, "output");
}

// The same multiset of top-level elements, in any order.
template <class T>
std::string compare_unordered(const T& want, const T& got, long double rel) {
  auto a = elements(want), b = elements(got);
  if (a.size() != b.size())
    return "returned " + std::to_string(b.size()) + " elements, expected " + std::to_string(a.size());
  auto less = [](const std::vector<Leaf>& x, const std::vector<Leaf>& y) {
    return std::lexicographical_compare(x.begin(), x.end(), y.begin(), y.end(), [](const Leaf& l, const Leaf& r) {
      return l.kind != r.kind ? l.kind < r.kind : (l.kind == 1 ? l.f < r.f : l.i < r.i);
    });
  };
  std::sort(a.begin(), a.end(), less);
  std::sort(b.begin(), b.end(), less);
  std::vector<Leaf> fa, fb;
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (Leaf l : a[i]) { l.top = i; fa.push_back(l); }
    for (Leaf l : b[i]) { l.top = i; fb.push_back(l); }
  }
  return compare_leaves(fa, fb, rel, "sorted output");
}

// The answer's size for shape tables: top-level elements of a collection, else its leaves.
template <class T>
std::size_t answer_size(const T& v) {
  if constexpr (parevo::wire::detail::is_vector<T>::value || std::is_same_v<T, std::string>) return v.size();
  else { std::vector<Leaf> l; flatten(v, l, 0); return l.size(); }
}

}  // namespace parevo::own
