// The suffix_array task's C++ side of its Rust view (verify/rustbuild.py).
#include "adapter.hpp"

std::vector<std::int32_t> suffix_array(const std::string& s) {
  using namespace parevo_rust;
  std::vector<std::int32_t> sa;
  call({bytes(s)}, sa);
  return sa;
}
