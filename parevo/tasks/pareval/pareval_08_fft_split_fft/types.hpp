#pragma once
#include <cmath>
#include <complex>
#include <cstddef>
#include <vector>

void fft(std::vector<std::complex<double>> const& x, std::vector<double> &r, std::vector<double> &i);
