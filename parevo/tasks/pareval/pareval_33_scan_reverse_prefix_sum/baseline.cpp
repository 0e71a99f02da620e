// Sequential baseline: one pass from the back of x, writing output from the front.
#include <cstddef>
#include <vector>

void reversePrefixSum(std::vector<int> const& x, std::vector<int> &output) {
  const std::size_t n = x.size();
  int sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    sum += x[n - 1 - i];
    output[i] = sum;
  }
}
