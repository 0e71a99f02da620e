// ParEval 25's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

bool reduceLogicalXOR(std::vector<bool> const& x) {
  using namespace parevo_rust;
  const std::vector<std::uint8_t> bits(x.begin(), x.end());
  return call_scalar<std::uint8_t>({slice(bits)}) != 0;
}
