// Sequential baseline: one pass, negative elements set to zero.
#include <vector>

void relu(std::vector<double> &x) {
  for (double& v : x)
    if (v < 0.0) v = 0.0;
}
