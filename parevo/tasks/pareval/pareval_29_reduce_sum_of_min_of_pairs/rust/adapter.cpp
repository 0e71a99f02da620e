// ParEval 29's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

double sumOfMinimumElements(std::vector<double> const& x, std::vector<double> const& y) {
  using namespace parevo_rust;
  return call_scalar<double>({slice(x), slice(y)});
}
