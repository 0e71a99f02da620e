// The cc task's C++ side of its Rust view (verify/rustbuild.py).
#include "adapter.hpp"

std::vector<std::int32_t> connected_components(const CSRGraph& g) {
  using namespace parevo_rust;
  std::vector<std::int32_t> labels;
  call({scalar(g.n), slice(g.offsets), slice(g.targets)}, labels);
  return labels;
}
