#pragma once
#include <cstddef>
#include <vector>

void axpy(double alpha, std::vector<double> const& x, std::vector<double> const& y, std::vector<double> &z);
