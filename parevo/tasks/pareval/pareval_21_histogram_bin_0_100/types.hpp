#pragma once
#include <array>
#include <cstddef>
#include <vector>

void binsBy10Count(std::vector<double> const& x, std::array<size_t, 10> &bins);
