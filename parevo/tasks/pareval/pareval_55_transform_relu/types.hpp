#pragma once
#include <cstddef>
#include <vector>

void relu(std::vector<double> &x);
