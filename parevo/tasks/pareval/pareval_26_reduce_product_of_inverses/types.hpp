#pragma once
#include <cstddef>
#include <vector>

double productWithInverses(std::vector<double> const& x);
