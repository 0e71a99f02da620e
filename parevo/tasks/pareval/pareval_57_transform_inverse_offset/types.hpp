#pragma once
#include <cstddef>
#include <vector>

void oneMinusInverse(std::vector<double> &x);
