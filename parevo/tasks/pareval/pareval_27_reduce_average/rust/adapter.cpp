// ParEval 27's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

double average(std::vector<double> const& x) {
  using namespace parevo_rust;
  return call_scalar<double>({slice(x)});
}
