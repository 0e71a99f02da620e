// ParEval 46's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

// The prompt's struct, exactly (a C++ candidate's translation unit defines the same one).
struct COOElement {
   size_t row, column;
   double value;
};

void spmm(std::vector<COOElement> const& A, std::vector<COOElement> const& X, std::vector<double> &Y, size_t M, size_t K, size_t N) {
  using namespace parevo_rust;
  call({slice(A), slice(X), scalar(M), scalar(K), scalar(N)}, Y);
}
