// ParEval 50's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): an NxN grid of threads (x
// over columns, y over rows); output goes to the GPU as the harness filled it (a sentinel).
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void cellsXOR(const int *input, int *output, size_t N);

void cellsXOR(std::vector<int> const& input, std::vector<int> &output, size_t N) {
  output.resize(N * N);
  Buffer<int> din(input), dout(output);
  cellsXOR<<<grid_2d(N, N), block_2d()>>>(din.get(), dout.get(), N);
  launched("cellsXOR");
  dout.to_host(output.data());
}
