#pragma once
#include <algorithm>
#include <cstddef>
#include <numeric>
#include <vector>

void ranks(std::vector<float> const& x, std::vector<size_t> &ranks);
