// ParEval 53's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

void jacobi2D(std::vector<double> const& input, std::vector<double> &output, size_t N) {
  using namespace parevo_rust;
  call({slice(input), scalar(N)}, output);
}
