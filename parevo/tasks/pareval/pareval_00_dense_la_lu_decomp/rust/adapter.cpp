// ParEval 00's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

void luFactorize(std::vector<double> &A, size_t N) {
  using namespace parevo_rust;
  call({slice_mut(A), scalar(N)});
}
