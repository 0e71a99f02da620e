// ParEval 28's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

int smallestOdd(std::vector<int> const& x) {
  using namespace parevo_rust;
  return call_scalar<int>({slice(x)});
}
