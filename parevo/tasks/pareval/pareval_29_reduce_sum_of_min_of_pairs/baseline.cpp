// Sequential baseline: one pass summing the element-wise minimum.
#include <algorithm>
#include <cstddef>
#include <vector>

double sumOfMinimumElements(std::vector<double> const& x, std::vector<double> const& y) {
  double sum = 0.0;
  const size_t n = x.size();
  for (size_t i = 0; i < n; ++i) sum += std::min(x[i], y[i]);
  return sum;
}
