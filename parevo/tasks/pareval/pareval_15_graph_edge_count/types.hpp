#pragma once
#include <cstddef>
#include <vector>

int edgeCount(std::vector<int> const& A, size_t N);
