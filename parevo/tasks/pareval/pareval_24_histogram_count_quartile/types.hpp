#pragma once
#include <array>
#include <cstddef>
#include <vector>

void countQuartiles(std::vector<double> const& x, std::array<size_t, 4> &bins);
