// ParEval 03's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

void axpy(double alpha, std::vector<double> const& x, std::vector<double> const& y, std::vector<double> &z) {
  using namespace parevo_rust;
  call({real(alpha), slice(x), slice(y)}, z);
}
