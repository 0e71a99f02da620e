// Sequential baseline: fold the elements with !=.
#include <cstddef>
#include <vector>

bool reduceLogicalXOR(std::vector<bool> const& x) {
  bool r = false;
  for (bool b : x) r = r != b;
  return r;
}
