// ParEval 38's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

size_t findFirstEven(std::vector<int> const& x) {
  using namespace parevo_rust;
  return call_scalar<std::size_t>({slice(x)});
}
