#pragma once
#include <algorithm>
#include <cstddef>
#include <limits>
#include <vector>

void partialMinimums(std::vector<float> &x);
