// Sequential baseline: one running sum.
#include <cstddef>
#include <vector>

void prefixSum(std::vector<double> const& x, std::vector<double> &output) {
  double sum = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sum += x[i];
    output[i] = sum;
  }
}
