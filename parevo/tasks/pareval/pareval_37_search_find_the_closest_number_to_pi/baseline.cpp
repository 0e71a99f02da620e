// Sequential baseline: one pass keeping the smallest distance (the first index on ties).
#include <cmath>
#include <cstddef>
#include <vector>

size_t findClosestToPi(std::vector<double> const& x) {
  size_t best = 0;
  double best_d = std::fabs(x[0] - M_PI);
  for (size_t i = 1; i < x.size(); ++i) {
    const double d = std::fabs(x[i] - M_PI);
    if (d < best_d) { best_d = d; best = i; }
  }
  return best;
}
