// ParEval 51's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

void convolveKernel(std::vector<int> const& imageIn, std::vector<int> &imageOut, size_t N) {
  using namespace parevo_rust;
  call({slice(imageIn), scalar(N)}, imageOut);
}
