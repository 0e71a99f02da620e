#pragma once
#include <cstddef>
#include <vector>

void jacobi2D(std::vector<double> const& input, std::vector<double> &output, size_t N);
