// Sequential baseline: one pass, each element v replaced by 1 - 1/v.
#include <vector>

void oneMinusInverse(std::vector<double> &x) {
  for (double& v : x) v = 1.0 - 1.0 / v;
}
