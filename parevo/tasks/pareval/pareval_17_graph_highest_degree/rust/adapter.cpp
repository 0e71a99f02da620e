// ParEval 17's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

int maxDegree(std::vector<int> const& A, size_t N) {
  using namespace parevo_rust;
  return call_scalar<int>({slice(A), scalar(N)});
}
