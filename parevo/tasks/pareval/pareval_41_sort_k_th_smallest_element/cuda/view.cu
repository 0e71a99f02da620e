// ParEval 41's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least as many threads as
// values in x; the result starts at 0 (as ParEval's driver sets it).
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void findKthSmallest(const int *x, size_t N, int k, int *kthSmallest);

int findKthSmallest(std::vector<int> const& x, int k) {
  const int zero = 0;
  Buffer<int> dx(x), dk(&zero, 1);
  findKthSmallest<<<grid_1d(x.size()), kBlock>>>(dx.get(), x.size(), k, dk.get());
  launched("findKthSmallest");
  return dk.value();
}
