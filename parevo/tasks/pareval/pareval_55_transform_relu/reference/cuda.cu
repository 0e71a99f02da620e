// CUDA reference for ParEval 55 (ParEval's launch contract: one kernel, at least N threads).
// Compiled and statically checked with nvcc everywhere; run only on a GPU machine.
__global__ void relu(double *x, size_t N) {
  const size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x;
  if (i < N) x[i] = x[i] > 0 ? x[i] : 0.0;
}
