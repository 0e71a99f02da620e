#pragma once
#include <cstddef>
#include <vector>

int shortestPathLength(std::vector<int> const& A, size_t N, int source, int dest);
