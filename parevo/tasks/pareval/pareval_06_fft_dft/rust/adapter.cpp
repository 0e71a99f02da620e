// ParEval 06's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <complex>
#include <cstdint>
#include "adapter.hpp"

void dft(std::vector<double> const& x, std::vector<std::complex<double>> &output) {
  using namespace parevo_rust;
  call({slice(x)}, output);
}
