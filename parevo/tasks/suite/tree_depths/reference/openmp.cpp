// Expert reference (OpenMP): sampled ancestors, then memoised climbs in parallel.
// Plain memoised climbing (each node walks up to the first ancestor with a known depth, then
// unwinds) is O(n) sequentially, but run in parallel on a deep tree every thread would start by
// climbing the same long path. So first every 1024th node index is a sample: each sample
// climbs, in parallel, only to its nearest sampled ancestor (or the root), which labels being
// random makes about min(depth, 1024) steps, O(n) in all. The samples then form a small tree
// whose depths one thread resolves in O(n / 1024). Afterwards no climb passes a sample, so the
// memoised climbs of all nodes run in parallel with short paths on every shape.
//
// Two threads may climb the same unresolved stretch at once; both then store the same depths.
// Every access to the shared depth array is an atomic_ref load or store (relaxed: a depth is
// either unknown, -1, or final), so that duplicated work is benign and race free.
#include <omp.h>

#include <atomic>
#include <cstdint>
#include <vector>

namespace {

constexpr std::int32_t kStride = 1024;

inline std::int32_t load(std::int32_t& x) { return std::atomic_ref<std::int32_t>(x).load(std::memory_order_relaxed); }
inline void store(std::int32_t& x, std::int32_t v) { std::atomic_ref<std::int32_t>(x).store(v, std::memory_order_relaxed); }

}  // namespace

std::vector<std::int32_t> tree_depths(const std::vector<std::int32_t>& parent) {
  const auto n = static_cast<std::int32_t>(parent.size());
  std::vector<std::int32_t> depth(parent.size());
  if (n == 0) return depth;
  const std::int32_t* par = parent.data();
  std::int32_t* dep = depth.data();

  // Sample j is node j * kStride. up[j]: its nearest sampled proper ancestor (-1 when the climb
  // reached the root first), gap[j]: the number of steps to it (or to the root).
  const std::int32_t samples = (n - 1) / kStride + 1;
  std::vector<std::int32_t> up(samples), gap(samples), sample_depth(samples, -1);

  #pragma omp parallel
  {
    #pragma omp for schedule(static) nowait
    for (std::int32_t v = 0; v < n; ++v) dep[v] = -1;

    #pragma omp for schedule(dynamic, 8)
    for (std::int32_t j = 0; j < samples; ++j) {
      std::int32_t u = j * kStride, steps = 0, anchor = -1;
      for (std::int32_t p; (p = par[u]) >= 0; u = p) {
        ++steps;
        if (p % kStride == 0) { anchor = p / kStride; break; }
      }
      up[j] = anchor;
      gap[j] = steps;
    }

    // Depths of the samples: memoised climbs in the sample tree, O(samples).
    #pragma omp single
    {
      std::vector<std::int32_t> path;
      for (std::int32_t j = 0; j < samples; ++j) {
        std::int32_t i = j;
        while (sample_depth[i] < 0 && up[i] >= 0) { path.push_back(i); i = up[i]; }
        if (sample_depth[i] < 0) sample_depth[i] = gap[i];  // climbs straight to the root
        while (!path.empty()) {
          const std::int32_t k = path.back();
          path.pop_back();
          sample_depth[k] = sample_depth[up[k]] + gap[k];
        }
      }
    }
    // (implicit barrier: the -1 fill is finished too)

    #pragma omp for schedule(static)
    for (std::int32_t j = 0; j < samples; ++j) store(dep[j * kStride], sample_depth[j]);

    std::vector<std::int32_t> path;
    #pragma omp for schedule(dynamic, 4096)
    for (std::int32_t v = 0; v < n; ++v) {
      if (load(dep[v]) >= 0) continue;
      std::int32_t u = v, d;
      while ((d = load(dep[u])) < 0) {
        const std::int32_t p = par[u];
        if (p < 0) { d = 0; store(dep[u], 0); break; }  // u is the root
        path.push_back(u);
        u = p;
      }
      while (!path.empty()) {
        store(dep[path.back()], ++d);
        path.pop_back();
      }
    }
  }
  return depth;
}
