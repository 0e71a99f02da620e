#pragma once
#include <cstddef>
#include <vector>

void gemm(std::vector<double> const& A, std::vector<double> const& B, std::vector<double> &C, size_t M, size_t K, size_t N);
