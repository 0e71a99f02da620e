// ParEval 41's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

int findKthSmallest(std::vector<int> const& x, int k) {
  using namespace parevo_rust;
  return call_scalar<int>({slice(x), scalar(k)});
}
