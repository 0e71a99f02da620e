// ParEval 50's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): an NxN grid of threads (x
// over columns, y over rows); output starts zero-filled on the GPU, as ParEval's driver passes
// it (a kernel may write only the cells that become 1), not as the harness filled it.
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void cellsXOR(const int *input, int *output, size_t N);

void cellsXOR(std::vector<int> const& input, std::vector<int> &output, size_t N) {
  output.resize(N * N);
  Buffer<int> din(input), dout(N * N);
  dout.zero();
  cellsXOR<<<grid_2d(N, N), block_2d()>>>(din.get(), dout.get(), N);
  launched("cellsXOR");
  dout.to_host(output.data());
}
