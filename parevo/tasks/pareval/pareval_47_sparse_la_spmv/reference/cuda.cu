// CUDA reference for ParEval 47 (ParEval's launch contract: one kernel, at least sizeA threads).
// Compiled and statically checked with nvcc everywhere; run only on a GPU machine.
struct COOElement {
   size_t row, column;
   double value;
};

// One thread per row of y (scaling and summing in the same thread needs no grid-wide barrier).
__global__ void spmv(double alpha, const COOElement *A, size_t sizeA, const double *x, double beta, double *y, size_t M, size_t N) {
  const size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x;
  if (i >= M) return;
  double s = 0;
  for (size_t k = 0; k < sizeA; ++k)
    if (A[k].row == i) s += A[k].value * x[A[k].column];
  y[i] = beta * y[i] + alpha * s;
}
