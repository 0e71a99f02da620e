// ParEval 33's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

void reversePrefixSum(std::vector<int> const& x, std::vector<int> &output) {
  using namespace parevo_rust;
  call({slice(x)}, output);
}
