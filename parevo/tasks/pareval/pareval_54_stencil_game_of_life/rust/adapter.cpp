// ParEval 54's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

void gameOfLife(std::vector<int> const& input, std::vector<int> &output, size_t N) {
  using namespace parevo_rust;
  call({slice(input), scalar(N)}, output);
}
