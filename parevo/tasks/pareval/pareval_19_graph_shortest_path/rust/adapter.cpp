// ParEval 19's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

int shortestPathLength(std::vector<int> const& A, size_t N, int source, int dest) {
  using namespace parevo_rust;
  return call_scalar<int>({slice(A), scalar(N), scalar(source), scalar(dest)});
}
