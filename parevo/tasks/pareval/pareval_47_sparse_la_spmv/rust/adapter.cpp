// ParEval 47's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

// The prompt's struct, exactly (a C++ candidate's translation unit defines the same one).
struct COOElement {
   size_t row, column;
   double value;
};

void spmv(double alpha, std::vector<COOElement> const& A, std::vector<double> const& x, double beta, std::vector<double> &y, size_t M, size_t N) {
  using namespace parevo_rust;
  call({real(alpha), slice(A), slice(x), real(beta), slice_mut(y), scalar(M), scalar(N)});
}
