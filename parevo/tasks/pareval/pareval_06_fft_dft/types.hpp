#pragma once
#include <cmath>
#include <complex>
#include <cstddef>
#include <vector>

void dft(std::vector<double> const& x, std::vector<std::complex<double>> &output);
