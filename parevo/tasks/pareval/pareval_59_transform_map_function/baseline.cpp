// Sequential baseline: one pass, mask[i] = isPowerOfTwo(x[i]). The prompt defines
// isPowerOfTwo; a standalone candidate has to define it too.
#include <cstddef>
#include <vector>

bool isPowerOfTwo(int x) {
	return (x > 0) && !(x & (x - 1));
}

void mapPowersOfTwo(std::vector<int> const& x, std::vector<bool> &mask) {
  for (std::size_t i = 0; i < x.size(); ++i) mask[i] = isPowerOfTwo(x[i]);
}
