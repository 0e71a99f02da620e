// Sequential baseline: Kadane's algorithm, O(n).
#include <algorithm>
#include <cstddef>
#include <vector>

int maximumSubarray(std::vector<int> const& x) {
  int best = x[0], ending_here = x[0];
  for (std::size_t i = 1; i < x.size(); ++i) {
    ending_here = std::max(x[i], ending_here + x[i]);
    best = std::max(best, ending_here);
  }
  return best;
}
