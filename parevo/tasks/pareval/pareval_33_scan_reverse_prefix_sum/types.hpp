#pragma once
#include <cstddef>
#include <vector>

void reversePrefixSum(std::vector<int> const& x, std::vector<int> &output);
