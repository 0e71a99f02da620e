// Sequential baseline: gather the non-zeros, sort them, write them back over the non-zero slots.
#include <algorithm>
#include <cstddef>
#include <vector>

void sortIgnoreZero(std::vector<int> &x) {
  std::vector<int> nz;
  nz.reserve(x.size());
  for (int v : x)
    if (v != 0) nz.push_back(v);
  std::sort(nz.begin(), nz.end());
  std::size_t k = 0;
  for (int& v : x)
    if (v != 0) v = nz[k++];
}
