// ParEval 20's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least N threads; bins go
// to the GPU as the harness passes them (zero-filled).
#include <array>
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void pixelCounts(const int *image, size_t N, size_t bins[256]);

void pixelCounts(std::vector<int> const& image, std::array<size_t, 256> &bins) {
  Buffer<int> dimage(image);
  Buffer<size_t> dbins(bins.data(), bins.size());
  pixelCounts<<<grid_1d(image.size()), kBlock>>>(dimage.get(), image.size(), dbins.get());
  launched("pixelCounts");
  dbins.to_host(bins.data());
}
