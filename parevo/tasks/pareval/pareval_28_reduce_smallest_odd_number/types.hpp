#pragma once
#include <cstddef>
#include <limits>
#include <vector>

int smallestOdd(std::vector<int> const& x);
