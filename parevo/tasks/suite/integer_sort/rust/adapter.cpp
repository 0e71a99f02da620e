// The integer_sort task's C++ side of its Rust view (verify/rustbuild.py).
#include "adapter.hpp"

std::vector<std::uint32_t> integer_sort(const std::vector<std::uint32_t>& keys) {
  using namespace parevo_rust;
  std::vector<std::uint32_t> sorted;
  call({slice(keys)}, sorted);
  return sorted;
}
