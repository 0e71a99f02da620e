#pragma once
#include <array>
#include <cstddef>
#include <string>
#include <vector>

void firstLetterCounts(std::vector<std::string> const& s, std::array<size_t, 26> &bins);
