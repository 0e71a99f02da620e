#pragma once
#include <cstddef>
#include <vector>

void prefixSum(std::vector<double> const& x, std::vector<double> &output);
