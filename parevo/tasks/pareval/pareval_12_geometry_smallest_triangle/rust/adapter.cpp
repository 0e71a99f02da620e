// ParEval 12's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

// The prompt's struct, exactly (a C++ candidate's translation unit defines the same one).
struct Point {
	double x, y;
};

double smallestArea(std::vector<Point> const& points) {
  using namespace parevo_rust;
  return call_scalar<double>({slice(points)});
}
