#pragma once
#include <cstddef>
#include <vector>

void gemv(std::vector<double> const& A, std::vector<double> const& x, std::vector<double> &y, size_t M, size_t N);
