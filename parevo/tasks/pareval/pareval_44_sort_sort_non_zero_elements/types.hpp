#pragma once
#include <algorithm>
#include <cstddef>
#include <vector>

void sortIgnoreZero(std::vector<int> &x);
