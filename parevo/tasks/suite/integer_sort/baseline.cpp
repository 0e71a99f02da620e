// Sequential baseline: copy the keys and std::sort them.
#include <algorithm>
#include <vector>

std::vector<std::uint32_t> integer_sort(const std::vector<std::uint32_t>& keys) {
  std::vector<std::uint32_t> out(keys);
  std::sort(out.begin(), out.end());
  return out;
}
