// ParEval 17's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least N threads; the
// degree starts at 0 (as ParEval's driver sets it).
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void maxDegree(const int *A, size_t N, int *maxDegree);

int maxDegree(std::vector<int> const& A, size_t N) {
  const int zero = 0;
  Buffer<int> dA(A), dd(&zero, 1);
  maxDegree<<<grid_1d(N), kBlock>>>(dA.get(), N, dd.get());
  launched("maxDegree");
  return dd.value();
}
