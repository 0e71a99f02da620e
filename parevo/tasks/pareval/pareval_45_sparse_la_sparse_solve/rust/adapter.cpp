// ParEval 45's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

// The prompt's struct, exactly (a C++ candidate's translation unit defines the same one).
struct COOElement {
   size_t row, column;
   double value;
};

void solveLinearSystem(std::vector<COOElement> const& A, std::vector<double> const& b, std::vector<double> &x, size_t N) {
  using namespace parevo_rust;
  call({slice(A), slice(b), scalar(N)}, x);
}
