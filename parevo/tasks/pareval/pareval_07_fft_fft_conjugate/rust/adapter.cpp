// ParEval 07's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <complex>
#include <cstdint>
#include "adapter.hpp"

void fftConjugate(std::vector<std::complex<double>> &x) {
  using namespace parevo_rust;
  call({slice_mut(x)});
}
