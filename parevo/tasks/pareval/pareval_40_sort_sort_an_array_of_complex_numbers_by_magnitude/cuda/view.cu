// ParEval 40's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least as many threads as
// elements in x; x is sorted in place. std::complex<double> and cuDoubleComplex share their
// layout (two doubles, real first).
#include <complex>
#include <cuComplex.h>
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void sortComplexByMagnitude(cuDoubleComplex *x, size_t N);

void sortComplexByMagnitude(std::vector<std::complex<double>> &x) {
  auto* host = reinterpret_cast<cuDoubleComplex*>(x.data());
  Buffer<cuDoubleComplex> dx(host, x.size());
  sortComplexByMagnitude<<<grid_1d(x.size()), kBlock>>>(dx.get(), x.size());
  launched("sortComplexByMagnitude");
  dx.to_host(host);
}
