// Sequential baseline: one pass, the running prefix added to a running total (no array needed).
#include <cstddef>
#include <vector>

double sumOfPrefixSum(std::vector<double> const& x) {
  double prefix = 0.0, total = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    prefix += x[i];
    total += prefix;
  }
  return total;
}
