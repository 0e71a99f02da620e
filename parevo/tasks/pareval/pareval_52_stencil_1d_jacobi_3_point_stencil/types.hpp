#pragma once
#include <cstddef>
#include <vector>

void jacobi1D(std::vector<double> const& input, std::vector<double> &output);
