// ParEval 54's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): an NxN grid of threads (x
// over columns, y over rows); output goes to the GPU as the harness filled it (a sentinel;
// ParEval's driver leaves it unset), so a cell the kernel skips shows.
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void gameOfLife(const int *input, int *output, size_t N);

void gameOfLife(std::vector<int> const& input, std::vector<int> &output, size_t N) {
  output.resize(N * N);
  Buffer<int> din(input), dout(output);
  gameOfLife<<<grid_2d(N, N), block_2d()>>>(din.get(), dout.get(), N);
  launched("gameOfLife");
  dout.to_host(output.data());
}
