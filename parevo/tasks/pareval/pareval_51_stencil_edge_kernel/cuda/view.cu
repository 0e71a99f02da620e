// ParEval 51's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): an NxN grid of threads (x
// over columns, y over rows); imageOut starts zero-filled on the GPU, as ParEval's driver passes
// it (a kernel may write only the pixels that clip above 0), not as the harness filled it.
// edgeKernel is the prompt's `__constant__`, defined by the candidate's translation unit.
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void convolveKernel(const int *imageIn, int *imageOut, size_t N);

void convolveKernel(std::vector<int> const& imageIn, std::vector<int> &imageOut, size_t N) {
  imageOut.resize(N * N);
  Buffer<int> din(imageIn), dout(N * N);
  dout.zero();
  convolveKernel<<<grid_2d(N, N), block_2d()>>>(din.get(), dout.get(), N);
  launched("convolveKernel");
  dout.to_host(imageOut.data());
}
