// ParEval 30's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

void prefixSum(std::vector<double> const& x, std::vector<double> &output) {
  using namespace parevo_rust;
  call({slice(x)}, output);
}
