#pragma once
#include <array>
#include <cstddef>
#include <vector>

void pixelCounts(std::vector<int> const& image, std::array<size_t, 256> &bins);
