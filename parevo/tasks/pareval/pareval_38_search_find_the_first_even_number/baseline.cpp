// Sequential baseline: a linear scan that stops at the first even element.
#include <cstddef>
#include <vector>

size_t findFirstEven(std::vector<int> const& x) {
  for (size_t i = 0; i < x.size(); ++i)
    if (x[i] % 2 == 0) return i;
  return x.size();
}
