// ParEval 22's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <algorithm>
#include <array>
#include <cstdint>
#include "adapter.hpp"

// The prompt's struct, exactly (a C++ candidate's translation unit defines the same one).
struct Point {
   double x, y;
};

void countQuadrants(std::vector<Point> const& points, std::array<size_t, 4> &bins) {
  using namespace parevo_rust;
  std::vector<std::size_t> b;
  call({slice(points)}, b);
  std::copy(b.begin(), b.end(), bins.begin());
}
