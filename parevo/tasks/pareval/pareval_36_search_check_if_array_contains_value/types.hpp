#pragma once
#include <algorithm>
#include <cstddef>
#include <vector>

bool contains(std::vector<int> const& x, int target);
