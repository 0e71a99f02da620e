// ParEval 06's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least N threads;
// std::complex<double> and cuDoubleComplex share their layout (two doubles, real first).
#include <complex>
#include <cuComplex.h>
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void dft(const double *x, cuDoubleComplex *output, size_t N);

void dft(std::vector<double> const& x, std::vector<std::complex<double>> &output) {
  const size_t n = x.size();
  output.resize(n);
  auto* out = reinterpret_cast<cuDoubleComplex*>(output.data());
  Buffer<double> dx(x);
  Buffer<cuDoubleComplex> dout(out, n);
  dft<<<grid_1d(n), kBlock>>>(dx.get(), dout.get(), n);
  launched("dft");
  dout.to_host(out);
}
