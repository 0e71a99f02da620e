#pragma once
#include <cstddef>
#include <vector>

void gameOfLife(std::vector<int> const& input, std::vector<int> &output, size_t N);
