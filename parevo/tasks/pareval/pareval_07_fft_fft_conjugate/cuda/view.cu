// ParEval 07's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least N threads; x is
// transformed in place. std::complex<double> and cuDoubleComplex share their layout (two doubles,
// real first).
#include <complex>
#include <cuComplex.h>
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void fftConjugate(cuDoubleComplex *x, size_t N);

void fftConjugate(std::vector<std::complex<double>> &x) {
  auto* host = reinterpret_cast<cuDoubleComplex*>(x.data());
  Buffer<cuDoubleComplex> dx(host, x.size());
  fftConjugate<<<grid_1d(x.size()), kBlock>>>(dx.get(), x.size());
  launched("fftConjugate");
  dx.to_host(host);
}
