// CUDA reference for ParEval 14 (ParEval's launch contract: one kernel, at least N threads).
// Compiled and statically checked with nvcc everywhere; run only on a GPU machine.
// doubles have no atomicMin: non-negative doubles order like their bit patterns.
__global__ void closestPair(const double *x, size_t N, double *distance) {
  const size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x;
  if (i >= N) return;
  double best = INFINITY;
  for (size_t j = i + 1; j < N; ++j) best = fmin(best, fabs(x[i] - x[j]));
  if (i + 1 < N) atomicMin(reinterpret_cast<unsigned long long *>(distance), (unsigned long long)__double_as_longlong(best));
}
