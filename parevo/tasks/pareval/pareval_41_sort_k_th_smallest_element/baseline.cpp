// Sequential baseline: selection with std::nth_element on a copy, expected O(n); 1-based k.
#include <algorithm>
#include <vector>

int findKthSmallest(std::vector<int> const& x, int k) {
  std::vector<int> copy(x);
  std::nth_element(copy.begin(), copy.begin() + (k - 1), copy.end());
  return copy[k - 1];
}
