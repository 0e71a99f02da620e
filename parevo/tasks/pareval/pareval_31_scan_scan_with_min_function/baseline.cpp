// Sequential baseline: one pass carrying the running minimum.
#include <cstddef>
#include <vector>

void partialMinimums(std::vector<float> &x) {
  if (x.empty()) return;
  float m = x[0];
  for (std::size_t i = 1; i < x.size(); ++i) {
    if (x[i] < m) m = x[i];
    x[i] = m;
  }
}
