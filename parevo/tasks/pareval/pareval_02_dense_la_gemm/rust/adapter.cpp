// ParEval 02's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

void gemm(std::vector<double> const& A, std::vector<double> const& B, std::vector<double> &C, size_t M, size_t K, size_t N) {
  using namespace parevo_rust;
  call({slice(A), slice(B), scalar(M), scalar(K), scalar(N)}, C);
}
