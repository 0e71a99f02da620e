// ParEval 57's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

void oneMinusInverse(std::vector<double> &x) {
  using namespace parevo_rust;
  call({slice_mut(x)});
}
