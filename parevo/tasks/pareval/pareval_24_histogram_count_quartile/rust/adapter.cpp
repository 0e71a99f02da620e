// ParEval 24's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <algorithm>
#include <array>
#include <cstdint>
#include "adapter.hpp"

void countQuartiles(std::vector<double> const& x, std::array<size_t, 4> &bins) {
  using namespace parevo_rust;
  std::vector<std::size_t> b;
  call({slice(x)}, b);
  std::copy(b.begin(), b.end(), bins.begin());
}
