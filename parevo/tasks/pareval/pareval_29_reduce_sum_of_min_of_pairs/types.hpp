#pragma once
#include <algorithm>
#include <cstddef>
#include <vector>

double sumOfMinimumElements(std::vector<double> const& x, std::vector<double> const& y);
