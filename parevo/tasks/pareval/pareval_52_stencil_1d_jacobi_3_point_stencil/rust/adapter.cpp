// ParEval 52's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

void jacobi1D(std::vector<double> const& input, std::vector<double> &output) {
  using namespace parevo_rust;
  call({slice(input)}, output);
}
