// ParEval 04's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

void gemv(std::vector<double> const& A, std::vector<double> const& x, std::vector<double> &y, size_t M, size_t N) {
  using namespace parevo_rust;
  call({slice(A), slice(x), scalar(M), scalar(N)}, y);
}
