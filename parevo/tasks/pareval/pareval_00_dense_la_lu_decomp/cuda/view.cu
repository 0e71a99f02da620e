// ParEval 00's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): an NxN grid of threads (x
// over columns, y over rows); A is factorized in place.
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void luFactorize(double *A, size_t N);

void luFactorize(std::vector<double> &A, size_t N) {
  Buffer<double> dA(A);
  luFactorize<<<grid_2d(N, N), block_2d()>>>(dA.get(), N);
  launched("luFactorize");
  dA.to_host(A.data());
}
