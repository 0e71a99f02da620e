// CUDA reference for ParEval 36 (ParEval's launch contract: one kernel, at least N threads).
// Compiled and statically checked with nvcc everywhere; run only on a GPU machine.
__global__ void contains(const int *x, size_t N, int target, bool *found) {
  const size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x;
  if (i < N && x[i] == target) *found = true;
}
