// The remove_duplicates task's C++ side of its Rust view (verify/rustbuild.py).
#include "adapter.hpp"

std::vector<std::uint64_t> remove_duplicates(const std::vector<std::uint64_t>& values) {
  using namespace parevo_rust;
  std::vector<std::uint64_t> distinct;
  call({slice(values)}, distinct);
  return distinct;
}
