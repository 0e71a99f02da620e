// Sequential baseline: one summation pass, divided by the length.
#include <cstddef>
#include <vector>

double average(std::vector<double> const& x) {
  double sum = 0.0;
  for (double v : x) sum += v;
  return sum / static_cast<double>(x.size());
}
