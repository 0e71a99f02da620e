// Sequential baseline: one pass, the bin of v is floor(v / 10).
#include <array>
#include <cstddef>
#include <vector>

void binsBy10Count(std::vector<double> const& x, std::array<size_t, 10> &bins) {
  for (double v : x) ++bins[static_cast<size_t>(v / 10.0)];
}
