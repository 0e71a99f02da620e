// Sequential baseline: one hash map from key to running sum.
#include <unordered_map>
#include <vector>

std::vector<std::pair<std::uint64_t, std::int64_t>> reduce_by_key(
    const std::vector<std::pair<std::uint64_t, std::int64_t>>& pairs) {
  std::unordered_map<std::uint64_t, std::int64_t> sums;
  for (const auto& [key, value] : pairs) sums[key] += value;
  return {sums.begin(), sums.end()};
}
