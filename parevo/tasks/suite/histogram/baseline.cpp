// Sequential baseline: one increment per value.
#include <vector>

std::vector<std::int64_t> histogram(const std::vector<std::uint32_t>& values, std::uint32_t buckets) {
  std::vector<std::int64_t> count(buckets, 0);
  for (std::uint32_t v : values) ++count[v];
  return count;
}
