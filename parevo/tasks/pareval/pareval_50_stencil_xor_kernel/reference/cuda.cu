// CUDA reference for ParEval 50 (ParEval's launch contract: one kernel, at least N*N threads).
// Compiled and statically checked with nvcc everywhere; run only on a GPU machine.
__global__ void cellsXOR(const int *input, int *output, size_t N) {
  const size_t idx = blockIdx.x * (size_t)blockDim.x + threadIdx.x;
  if (idx >= N * N) return;
  const size_t i = idx / N, j = idx % N;
  int ones = -(input[idx] == 1);  // the 8 surrounding cells, as the prompt's example counts them
  for (size_t r = i > 0 ? i - 1 : 0; r <= (i + 1 < N ? i + 1 : N - 1); ++r)
    for (size_t c = j > 0 ? j - 1 : 0; c <= (j + 1 < N ? j + 1 : N - 1); ++c) ones += input[r * N + c] == 1;
  output[idx] = ones == 1 ? 1 : 0;
}
