// ParEval 19's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): an NxN grid of threads (x
// over columns, y over rows); the length starts at INT_MAX, the minimum's neutral element
// (ParEval's driver starts it at 0, where a kernel that takes the minimum with atomics could only
// answer 0; dest is always reachable, so the answer is never INT_MAX).
#include <climits>
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void shortestPathLength(const int *A, size_t N, int source, int dest, int *pathLength);

int shortestPathLength(std::vector<int> const& A, size_t N, int source, int dest) {
  const int none = INT_MAX;
  Buffer<int> dA(A), dl(&none, 1);
  shortestPathLength<<<grid_2d(N, N), block_2d()>>>(dA.get(), N, source, dest, dl.get());
  launched("shortestPathLength");
  return dl.value();
}
