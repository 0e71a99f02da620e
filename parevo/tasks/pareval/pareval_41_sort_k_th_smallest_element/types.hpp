#pragma once
#include <algorithm>
#include <cstddef>
#include <vector>

int findKthSmallest(std::vector<int> const& x, int k);
