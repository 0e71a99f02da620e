#pragma once
#include <algorithm>
#include <cmath>
#include <complex>
#include <cstddef>
#include <vector>

void sortComplexByMagnitude(std::vector<std::complex<double>> &x);
