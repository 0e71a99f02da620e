#pragma once
#include <cstddef>
#include <numeric>
#include <vector>

double sumOfPrefixSum(std::vector<double> const& x);
