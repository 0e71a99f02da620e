// Sequential baseline: one pass; the fractional part v - floor(v) is exact, times 4 picks the bin.
#include <array>
#include <cmath>
#include <cstddef>
#include <vector>

void countQuartiles(std::vector<double> const& x, std::array<size_t, 4> &bins) {
  for (double v : x) ++bins[static_cast<size_t>((v - std::floor(v)) * 4.0)];
}
