#pragma once
#include <cstdint>
#include <vector>

#include "parevo/graph.hpp"
#include "parevo/threads.hpp"

std::vector<double> spmv(const CSRMatrix& a, const std::vector<double>& x);
