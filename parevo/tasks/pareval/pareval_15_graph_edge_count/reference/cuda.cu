// CUDA reference for ParEval 15 (ParEval's launch contract: one kernel, at least N threads).
// Compiled and statically checked with nvcc everywhere; run only on a GPU machine.
__global__ void edgeCount(const int *A, size_t N, int *numEdges) {
  const size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x;
  if (i >= N) return;
  int count = 0;
  for (size_t j = 0; j < N; ++j) count += A[i * N + j] != 0;
  atomicAdd(numEdges, count);
}
