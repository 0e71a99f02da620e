// ParEval 48's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <cstdint>
#include "adapter.hpp"

// The prompt's struct, exactly (a C++ candidate's translation unit defines the same one).
struct Element {
	size_t index;
  double value;
};

void sparseAxpy(double alpha, std::vector<Element> const& x, std::vector<Element> const& y, std::vector<double> &z) {
  using namespace parevo_rust;
  call({real(alpha), slice(x), slice(y), scalar(static_cast<std::int64_t>(z.size()))}, z);
}
