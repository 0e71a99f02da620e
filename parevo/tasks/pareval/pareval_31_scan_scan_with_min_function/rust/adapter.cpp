// ParEval 31's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

void partialMinimums(std::vector<float> &x) {
  using namespace parevo_rust;
  call({slice_mut(x)});
}
