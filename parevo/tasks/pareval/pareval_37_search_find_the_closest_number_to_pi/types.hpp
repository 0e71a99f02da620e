#pragma once
#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>
size_t findClosestToPi(std::vector<double> const& x);
