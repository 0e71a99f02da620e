// CUDA reference for ParEval 42 (ParEval's launch contract: one kernel, at least N threads).
// Compiled and statically checked with nvcc everywhere; run only on a GPU machine.
// rank of x[i] = how many values sort before it (ties broken by index).
__global__ void ranks(const float *x, size_t *ranks, size_t N) {
  const size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x;
  if (i >= N) return;
  const float v = x[i];
  size_t r = 0;
  for (size_t j = 0; j < N; ++j) r += x[j] < v || (x[j] == v && j < i);
  ranks[i] = r;
}
