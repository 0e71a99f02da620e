// Times the harness's graph generation against the straightforward versions it replaced, in
// one run (see graph_generation.py). Inputs are generated before every timed case, so their
// cost decides how long an evaluation of a graph task takes.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "parevo/graphs.hpp"

using namespace parevo;
using graphs::Edge;

namespace direct {
// CSR by a direct scatter into the final arrays, then std::sort and unique per list: one
// cache miss per edge endpoint at large sizes.
CSRGraph from_edges(std::int32_t n, std::vector<Edge> edges, Rng& rng) {
  std::vector<std::int32_t> label = random_permutation<std::int32_t>(n, rng);
  std::vector<std::int64_t> count(static_cast<std::size_t>(n) + 1, 0);
  for (auto& [u, v] : edges) {
    u = label[u];
    v = label[v];
    if (u == v) continue;
    count[u + 1]++;
    count[v + 1]++;
  }
  for (std::int32_t v = 0; v < n; ++v) count[v + 1] += count[v];
  std::vector<std::int32_t> adj(static_cast<std::size_t>(count[n]));
  std::vector<std::int64_t> fill(count.begin(), count.end() - 1);
  for (auto [u, v] : edges) {
    if (u == v) continue;
    adj[fill[u]++] = v;
    adj[fill[v]++] = u;
  }
  CSRGraph g;
  g.n = n;
  g.offsets.assign(static_cast<std::size_t>(n) + 1, 0);
  for (std::int32_t v = 0; v < n; ++v) {
    auto first = adj.begin() + count[v], last = adj.begin() + count[v + 1];
    std::sort(first, last);
    last = std::unique(first, last);
    g.targets.insert(g.targets.end(), first, last);
    g.offsets[v + 1] = static_cast<std::int64_t>(g.targets.size());
  }
  return g;
}

// Relabelling by a full random permutation: a cache miss per edge for the label lookup.
CSRGraph relabel(const CSRGraph& g, Rng& rng) {
  std::vector<std::int32_t> label = random_permutation<std::int32_t>(g.n, rng);
  CSRGraph h;
  h.n = g.n;
  h.offsets.assign(static_cast<std::size_t>(g.n) + 1, 0);
  for (std::int32_t v = 0; v < g.n; ++v) h.offsets[label[v] + 1] = g.degree(v);
  for (std::int32_t v = 0; v < g.n; ++v) h.offsets[v + 1] += h.offsets[v];
  h.targets.resize(g.targets.size());
  for (std::int32_t v = 0; v < g.n; ++v) {
    std::int32_t* out = h.targets.data() + h.offsets[label[v]];
    for (std::int64_t k = g.offsets[v]; k < g.offsets[v + 1]; ++k) *out++ = label[g.targets[k]];
  }
  return h;
}
}  // namespace direct

static double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

int main(int argc, char** argv) {
  const std::int32_t n = argc > 1 ? std::atoi(argv[1]) : 12000000;
  const double degree = argc > 2 ? std::atof(argv[2]) : 10.0;
  Rng draw(1);
  std::vector<Edge> edges(static_cast<std::size_t>(degree * n / 2));
  for (auto& e : edges) e = {static_cast<std::int32_t>(draw.below(n)), static_cast<std::int32_t>(draw.below(n))};

  Rng a(2), b(2);
  auto t0 = std::chrono::steady_clock::now();
  const CSRGraph slow = direct::from_edges(n, edges, a);
  const double direct_s = seconds_since(t0);
  t0 = std::chrono::steady_clock::now();
  const CSRGraph fast = graphs::from_edges(n, edges, b);
  const double bucketed_s = seconds_since(t0);
  const bool same = slow.offsets == fast.offsets && slow.targets == fast.targets;

  Rng c(3), d(3);
  t0 = std::chrono::steady_clock::now();
  const CSRGraph r1 = direct::relabel(fast, c);
  const double full_s = seconds_since(t0);
  t0 = std::chrono::steady_clock::now();
  const CSRGraph r2 = graphs::relabel(fast, d);
  const double block_s = seconds_since(t0);

  Rng e(4);
  t0 = std::chrono::steady_clock::now();
  const CSRGraph rmat = graphs::rmat(n, e);
  const double rmat_s = seconds_since(t0);

  std::printf("{\"n\": %d, \"directed_edges\": %lld, \"from_edges_direct_s\": %.3f, \"from_edges_bucketed_s\": %.3f, "
              "\"same_graph\": %s, \"relabel_full_s\": %.3f, \"relabel_block_s\": %.3f, \"rmat_total_s\": %.3f, "
              "\"check\": %lld}\n",
              n, static_cast<long long>(fast.num_edges()), direct_s, bucketed_s, same ? "true" : "false", full_s,
              block_s, rmat_s, static_cast<long long>(r1.num_edges() + r2.num_edges() + rmat.num_edges()));
  return same ? 0 : 1;
}
