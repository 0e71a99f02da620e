// ParEval 37's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

size_t findClosestToPi(std::vector<double> const& x) {
  using namespace parevo_rust;
  return call_scalar<std::size_t>({slice(x)});
}
