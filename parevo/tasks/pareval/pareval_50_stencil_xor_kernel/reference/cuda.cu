// CUDA reference for ParEval 50 (ParEval's launch contract: one kernel on an NxN grid of threads;
// either axis may run over rows, so the kernel reads them as x = column, y = row).
// Compiled and statically checked with nvcc everywhere; run only on a GPU machine.
__global__ void cellsXOR(const int *input, int *output, size_t N) {
  const size_t j = blockIdx.x * (size_t)blockDim.x + threadIdx.x;
  const size_t i = blockIdx.y * (size_t)blockDim.y + threadIdx.y;
  if (i >= N || j >= N) return;
  int ones = -(input[i * N + j] == 1);  // the 8 surrounding cells, as the prompt's example counts them
  for (size_t r = i > 0 ? i - 1 : 0; r <= (i + 1 < N ? i + 1 : N - 1); ++r)
    for (size_t c = j > 0 ? j - 1 : 0; c <= (j + 1 < N ? j + 1 : N - 1); ++c) ones += input[r * N + c] == 1;
  output[i * N + j] = ones == 1 ? 1 : 0;
}
