// Sequential baseline: one pass, each element multiplied by itself.
#include <vector>

void squareEach(std::vector<int> &x) {
  for (int& v : x) v *= v;
}
