// CUDA reference for ParEval 30 (ParEval's launch contract: one kernel, at least N threads).
// Compiled and statically checked with nvcc everywhere; run only on a GPU machine.
// One launch and no grid-wide barrier: each thread sums its own prefix (O(N^2) work, as ParEval's
// single-launch contract invites; a multi-kernel scan would be faster).
__global__ void prefixSum(const double *x, double *output, size_t N) {
  const size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x;
  if (i >= N) return;
  double s = 0;
  for (size_t j = 0; j <= i; ++j) s += x[j];
  output[i] = s;
}
