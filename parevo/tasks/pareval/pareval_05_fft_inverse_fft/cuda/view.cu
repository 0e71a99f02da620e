// ParEval 05's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least N threads; x is
// transformed in place. std::complex<double> and cuDoubleComplex share their layout (two doubles,
// real first).
#include <complex>
#include <cuComplex.h>
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void ifft(cuDoubleComplex *x, size_t N);

void ifft(std::vector<std::complex<double>> &x) {
  auto* host = reinterpret_cast<cuDoubleComplex*>(x.data());
  Buffer<cuDoubleComplex> dx(host, x.size());
  ifft<<<grid_1d(x.size()), kBlock>>>(dx.get(), x.size());
  launched("ifft");
  dx.to_host(host);
}
