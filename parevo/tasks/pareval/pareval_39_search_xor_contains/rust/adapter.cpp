// ParEval 39's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

bool xorContains(std::vector<int> const& x, std::vector<int> const& y, int val) {
  using namespace parevo_rust;
  return call_scalar<std::uint8_t>({slice(x), slice(y), scalar(val)}) != 0;
}
