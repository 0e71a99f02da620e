#pragma once
#include <cmath>
#include <complex>
#include <cstddef>
#include <vector>

void fft(std::vector<std::complex<double>> const& x, std::vector<std::complex<double>> &output);
