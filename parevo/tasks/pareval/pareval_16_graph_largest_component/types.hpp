#pragma once
#include <cstddef>
#include <vector>

int largestComponent(std::vector<int> const& A, size_t N);
