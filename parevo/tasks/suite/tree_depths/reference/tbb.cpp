// Expert reference (oneTBB): sampled ancestors, then memoised climbs in parallel (the same
// algorithm as the OpenMP reference). Every 1024th node index is a sample; each sample climbs
// in parallel to its nearest sampled ancestor or the root (about min(depth, 1024) steps), one
// thread resolves the small tree of samples, and then every node climbs only to the first node
// with a known depth, which is never farther than the nearest sample. Concurrent climbs of the
// same stretch store identical depths through relaxed atomic_ref accesses: benign, race free.
#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>

#include <atomic>
#include <cstdint>
#include <vector>

namespace {

constexpr std::int32_t kStride = 1024;

inline std::int32_t load(std::int32_t& x) { return std::atomic_ref<std::int32_t>(x).load(std::memory_order_relaxed); }
inline void store(std::int32_t& x, std::int32_t v) { std::atomic_ref<std::int32_t>(x).store(v, std::memory_order_relaxed); }

}  // namespace

std::vector<std::int32_t> tree_depths(const std::vector<std::int32_t>& parent) {
  using Range = oneapi::tbb::blocked_range<std::int32_t>;
  const auto n = static_cast<std::int32_t>(parent.size());
  std::vector<std::int32_t> depth(parent.size());
  if (n == 0) return depth;
  const std::int32_t* par = parent.data();
  std::int32_t* dep = depth.data();

  const std::int32_t samples = (n - 1) / kStride + 1;
  std::vector<std::int32_t> up(samples), gap(samples), sample_depth(samples, -1);

  oneapi::tbb::parallel_for(Range(0, n, 1 << 16), [&](const Range& r) {
    for (std::int32_t v = r.begin(); v < r.end(); ++v) dep[v] = -1;
  });

  oneapi::tbb::parallel_for(Range(0, samples, 8), [&](const Range& r) {
    for (std::int32_t j = r.begin(); j < r.end(); ++j) {
      std::int32_t u = j * kStride, steps = 0, anchor = -1;
      for (std::int32_t p; (p = par[u]) >= 0; u = p) {
        ++steps;
        if (p % kStride == 0) { anchor = p / kStride; break; }
      }
      up[j] = anchor;
      gap[j] = steps;
    }
  });

  std::vector<std::int32_t> path;
  for (std::int32_t j = 0; j < samples; ++j) {
    std::int32_t i = j;
    while (sample_depth[i] < 0 && up[i] >= 0) { path.push_back(i); i = up[i]; }
    if (sample_depth[i] < 0) sample_depth[i] = gap[i];
    while (!path.empty()) {
      const std::int32_t k = path.back();
      path.pop_back();
      sample_depth[k] = sample_depth[up[k]] + gap[k];
    }
  }
  for (std::int32_t j = 0; j < samples; ++j) dep[j * kStride] = sample_depth[j];

  oneapi::tbb::parallel_for(Range(0, n, 4096), [&](const Range& r) {
    std::vector<std::int32_t> stack;
    for (std::int32_t v = r.begin(); v < r.end(); ++v) {
      if (load(dep[v]) >= 0) continue;
      std::int32_t u = v, d;
      while ((d = load(dep[u])) < 0) {
        const std::int32_t p = par[u];
        if (p < 0) { d = 0; store(dep[u], 0); break; }
        stack.push_back(u);
        u = p;
      }
      while (!stack.empty()) {
        store(dep[stack.back()], ++d);
        stack.pop_back();
      }
    }
  });
  return depth;
}
