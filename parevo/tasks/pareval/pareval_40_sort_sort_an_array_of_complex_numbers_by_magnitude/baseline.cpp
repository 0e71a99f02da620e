// Sequential baseline: compute each magnitude once, sort (magnitude, value) pairs, write back.
#include <algorithm>
#include <complex>
#include <cstddef>
#include <utility>
#include <vector>

void sortComplexByMagnitude(std::vector<std::complex<double>> &x) {
  std::vector<std::pair<double, std::complex<double>>> keyed(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) keyed[i] = {std::abs(x[i]), x[i]};
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = keyed[i].second;
}
