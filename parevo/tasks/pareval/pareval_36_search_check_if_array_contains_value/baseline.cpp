// Sequential baseline: a linear scan that stops at the first match.
#include <cstddef>
#include <vector>

bool contains(std::vector<int> const& x, int target) {
  for (std::size_t i = 0; i < x.size(); ++i)
    if (x[i] == target) return true;
  return false;
}
