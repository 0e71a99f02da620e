// Sequential baseline: one pass; `v % 2 != 0` is the odd test that also holds for negatives.
#include <vector>

void negateOddsAndHalveEvens(std::vector<int> &x) {
  for (int& v : x) v = (v % 2 != 0) ? -v : v / 2;
}
