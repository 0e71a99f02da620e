// ParEval 56's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

void negateOddsAndHalveEvens(std::vector<int> &x) {
  using namespace parevo_rust;
  call({slice_mut(x)});
}
