// The bfs task's C++ side of its Rust view (verify/rustbuild.py): flat arguments in, levels out.
#include "adapter.hpp"

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t source) {
  using namespace parevo_rust;
  std::vector<std::int32_t> levels;
  call({scalar(g.n), slice(g.offsets), slice(g.targets), scalar(source)}, levels);
  return levels;
}
