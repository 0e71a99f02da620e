// ParEval 01's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

void solveLinearSystem(std::vector<double> const& A, std::vector<double> const& b, std::vector<double> &x, size_t N) {
  using namespace parevo_rust;
  call({slice(A), slice(b), scalar(N)}, x);
}
