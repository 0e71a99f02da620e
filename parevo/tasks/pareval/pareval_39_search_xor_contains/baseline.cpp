// Sequential baseline: one early-exit scan of each vector.
#include <algorithm>
#include <vector>

bool xorContains(std::vector<int> const& x, std::vector<int> const& y, int val) {
  const bool in_x = std::find(x.begin(), x.end(), val) != x.end();
  const bool in_y = std::find(y.begin(), y.end(), val) != y.end();
  return in_x != in_y;
}
