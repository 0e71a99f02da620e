#pragma once
#include <cmath>
#include <cstddef>
#include <vector>

void solveLinearSystem(std::vector<double> const& A, std::vector<double> const& b, std::vector<double> &x, size_t N);
