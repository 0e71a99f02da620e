#pragma once
#include <cstddef>
#include <vector>

// isPowerOfTwo is defined by the prompt (and so by every candidate), not here.
void mapPowersOfTwo(std::vector<int> const& x, std::vector<bool> &mask);
