// ParEval 59's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

void mapPowersOfTwo(std::vector<int> const& x, std::vector<bool> &mask) {
  using namespace parevo_rust;
  std::vector<std::uint8_t> m;
  call({slice(x)}, m);
  mask.assign(m.begin(), m.end());
}
