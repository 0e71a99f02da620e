// ParEval 16's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): an NxN grid of threads (x
// over columns, y over rows); the size starts at 0 (as ParEval's driver sets it).
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void largestComponent(const int *A, size_t N, int *largestComponentSize);

int largestComponent(std::vector<int> const& A, size_t N) {
  const int zero = 0;
  Buffer<int> dA(A), ds(&zero, 1);
  largestComponent<<<grid_2d(N, N), block_2d()>>>(dA.get(), N, ds.get());
  launched("largestComponent");
  return ds.value();
}
