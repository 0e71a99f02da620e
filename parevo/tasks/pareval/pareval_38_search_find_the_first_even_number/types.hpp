#pragma once
#include <cstddef>
#include <vector>

size_t findFirstEven(std::vector<int> const& x);
