// Sequential baseline: sort (value, index) pairs, then scatter each position to its index.
#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

void ranks(std::vector<float> const& x, std::vector<size_t> &ranks) {
  std::vector<std::pair<float, size_t>> keyed(x.size());
  for (size_t i = 0; i < x.size(); ++i) keyed[i] = {x[i], i};
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t r = 0; r < keyed.size(); ++r) ranks[keyed[r].second] = r;
}
