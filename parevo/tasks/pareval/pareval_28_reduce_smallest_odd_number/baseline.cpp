// Sequential baseline: one pass keeping the smallest value whose lowest bit is set
// (v & 1 is 1 for negative odd numbers too, in two's complement).
#include <cstddef>
#include <limits>
#include <vector>

int smallestOdd(std::vector<int> const& x) {
  int best = std::numeric_limits<int>::max();  // odd itself, so a valid neutral element
  for (int v : x)
    if ((v & 1) && v < best) best = v;
  return best;
}
