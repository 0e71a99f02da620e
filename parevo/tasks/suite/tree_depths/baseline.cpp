// Sequential baseline: memoised walks. Each node climbs to the first ancestor whose depth is
// already known (or to the root), remembering the nodes it passed, and then assigns their
// depths on the way back down. Each node is assigned once, so the work is O(n) on any shape.
#include <vector>

std::vector<std::int32_t> tree_depths(const std::vector<std::int32_t>& parent) {
  const auto n = static_cast<std::int32_t>(parent.size());
  std::vector<std::int32_t> depth(n, -1), path;
  for (std::int32_t v = 0; v < n; ++v) {
    std::int32_t u = v;
    while (depth[u] < 0 && parent[u] >= 0) {
      path.push_back(u);
      u = parent[u];
    }
    if (depth[u] < 0) depth[u] = 0;  // u is the root
    std::int32_t d = depth[u];
    while (!path.empty()) {
      depth[path.back()] = ++d;
      path.pop_back();
    }
  }
  return depth;
}
