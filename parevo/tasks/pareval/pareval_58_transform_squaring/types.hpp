#pragma once
#include <cstddef>
#include <vector>

void squareEach(std::vector<int> &x);
