#pragma once
#include <algorithm>
#include <cstddef>
#include <limits>
#include <vector>

int maximumSubarray(std::vector<int> const& x);
