#pragma once
#include <cmath>
#include <cstddef>
#include <vector>

void luFactorize(std::vector<double> &A, size_t N);
