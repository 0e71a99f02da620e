// Sequential baseline: one left-to-right pass, multiplying or dividing by turns.
#include <cstddef>
#include <vector>

double productWithInverses(std::vector<double> const& x) {
  double p = 1.0;
  const size_t n = x.size();
  size_t i = 0;
  for (; i + 1 < n; i += 2) p = p * x[i] / x[i + 1];
  if (i < n) p *= x[i];
  return p;
}
