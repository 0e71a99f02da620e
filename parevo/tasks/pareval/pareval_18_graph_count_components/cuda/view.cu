// ParEval 18's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): an NxN grid of threads (x
// over columns, y over rows); the count starts at 0 (as ParEval's driver sets it).
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void componentCount(const int *A, size_t N, int *numComponents);

int componentCount(std::vector<int> const& A, size_t N) {
  const int zero = 0;
  Buffer<int> dA(A), dc(&zero, 1);
  componentCount<<<grid_2d(N, N), block_2d()>>>(dA.get(), N, dc.get());
  launched("componentCount");
  return dc.value();
}
