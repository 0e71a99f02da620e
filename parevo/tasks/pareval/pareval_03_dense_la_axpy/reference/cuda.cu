// CUDA reference for ParEval 03 (ParEval's launch contract: one kernel, at least N threads).
// Compiled and statically checked with nvcc everywhere; run only on a GPU machine.
__global__ void axpy(double alpha, const double *x, const double *y, double *z, size_t N) {
  const size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x;
  if (i < N) z[i] = alpha * x[i] + y[i];
}
