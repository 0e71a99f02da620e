#pragma once
#include <cmath>
#include <complex>
#include <cstddef>
#include <vector>

void fftConjugate(std::vector<std::complex<double>> &x);
