// ParEval 08's C++ side of its Rust view (verify/rustbuild.py, docs/rust.md).
#include <complex>
#include <cstdint>
#include "adapter.hpp"

void fft(std::vector<std::complex<double>> const& x, std::vector<double> &r, std::vector<double> &i) {
  using namespace parevo_rust;
  std::vector<double> both;
  call({slice(x)}, both);
  const auto half = static_cast<std::ptrdiff_t>(both.size() / 2);
  r.assign(both.begin(), both.begin() + half);
  i.assign(both.begin() + half, both.end());
}
