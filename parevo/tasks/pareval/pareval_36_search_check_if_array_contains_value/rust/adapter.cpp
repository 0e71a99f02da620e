// ParEval 36's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

bool contains(std::vector<int> const& x, int target) {
  using namespace parevo_rust;
  return call_scalar<std::uint8_t>({slice(x), scalar(target)}) != 0;
}
