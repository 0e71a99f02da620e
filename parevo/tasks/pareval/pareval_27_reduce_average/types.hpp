#pragma once
#include <cstddef>
#include <vector>

double average(std::vector<double> const& x);
