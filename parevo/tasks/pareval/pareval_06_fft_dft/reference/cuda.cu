// CUDA reference for ParEval 06 (ParEval's launch contract: one kernel, at least N threads).
// Compiled and statically checked with nvcc everywhere; run only on a GPU machine.
#include <cuComplex.h>

__global__ void dft(const double *x, cuDoubleComplex *output, size_t N) {
  const size_t k = blockIdx.x * (size_t)blockDim.x + threadIdx.x;
  if (k >= N) return;
  double re = 0, im = 0;
  for (size_t n = 0; n < N; ++n) {
    const double angle = 2.0 * M_PI * (double)((k * n) % N) / (double)N;
    re += x[n] * cos(angle);
    im -= x[n] * sin(angle);
  }
  output[k] = make_cuDoubleComplex(re, im);
}
