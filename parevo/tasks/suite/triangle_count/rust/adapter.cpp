// The triangle_count task's C++ side of its Rust view (verify/rustbuild.py).
#include "adapter.hpp"

std::int64_t triangle_count(const CSRGraph& g) {
  using namespace parevo_rust;
  std::vector<std::int64_t> count;
  call({scalar(g.n), slice(g.offsets), slice(g.targets)}, count);
  return count.at(0);
}
