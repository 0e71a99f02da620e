#pragma once
#include <cstddef>
#include <vector>

int componentCount(std::vector<int> const& A, size_t N);
