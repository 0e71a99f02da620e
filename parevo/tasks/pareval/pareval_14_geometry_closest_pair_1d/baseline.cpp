// Sequential baseline: sort a copy; the closest pair is adjacent in sorted order. O(n log n).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

double closestPair(std::vector<double> const& x) {
  std::vector<double> s = x;
  std::sort(s.begin(), s.end());
  double best = std::numeric_limits<double>::infinity();
  for (size_t i = 1; i < s.size(); ++i) best = std::min(best, s[i] - s[i - 1]);
  return best;
}
