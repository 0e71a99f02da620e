#pragma once
#include <cstddef>
#include <vector>

int maxDegree(std::vector<int> const& A, size_t N);
