// ParEval 42's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

void ranks(std::vector<float> const& x, std::vector<size_t> &ranks) {
  using namespace parevo_rust;
  call({slice(x)}, ranks);
}
