#pragma once
#include <cmath>
#include <complex>
#include <cstddef>
#include <vector>

void ifft(std::vector<std::complex<double>> &x);
