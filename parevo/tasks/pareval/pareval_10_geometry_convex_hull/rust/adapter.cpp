// ParEval 10's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

// The prompt's struct, exactly (a C++ candidate's translation unit defines the same one).
struct Point {
   double x, y;
};

void convexHull(std::vector<Point> const& points, std::vector<Point> &hull) {
  using namespace parevo_rust;
  call({slice(points)}, hull);
}
