#pragma once
#include <algorithm>
#include <cstddef>
#include <vector>

bool xorContains(std::vector<int> const& x, std::vector<int> const& y, int val);
