// The histogram task's C++ side of its Rust view (verify/rustbuild.py).
#include "adapter.hpp"

std::vector<std::int64_t> histogram(const std::vector<std::uint32_t>& values, std::uint32_t buckets) {
  using namespace parevo_rust;
  std::vector<std::int64_t> counts;
  call({slice(values), scalar(buckets)}, counts);
  return counts;
}
