// ParEval 20's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <algorithm>
#include <array>
#include <cstdint>
#include "adapter.hpp"

void pixelCounts(std::vector<int> const& image, std::array<size_t, 256> &bins) {
  using namespace parevo_rust;
  std::vector<std::size_t> b;
  call({slice(image)}, b);
  std::copy(b.begin(), b.end(), bins.begin());
}
