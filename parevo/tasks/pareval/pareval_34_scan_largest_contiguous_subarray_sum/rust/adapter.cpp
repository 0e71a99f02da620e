// ParEval 34's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

int maximumSubarray(std::vector<int> const& x) {
  using namespace parevo_rust;
  return call_scalar<int>({slice(x)});
}
