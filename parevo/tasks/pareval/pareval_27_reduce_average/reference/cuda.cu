// CUDA reference for ParEval 27 (ParEval's launch contract: one kernel, at least N threads).
// Compiled and statically checked with nvcc everywhere; run only on a GPU machine.
__global__ void average(const double *x, size_t N, double *average) {
  const size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x;
  if (i < N) atomicAdd(average, x[i] / (double)N);
}
