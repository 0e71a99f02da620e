// ParEval 15's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least N threads; the
// count starts at 0.
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void edgeCount(const int *A, size_t N, int *numEdges);

int edgeCount(std::vector<int> const& A, size_t N) {
  const int zero = 0;
  Buffer<int> dA(A), dn(&zero, 1);
  edgeCount<<<grid_1d(N), kBlock>>>(dA.get(), N, dn.get());
  launched("edgeCount");
  return dn.value();
}
