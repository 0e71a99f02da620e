// ParEval 44's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): one thread per element,
// rounded up to whole blocks as ParEval's driver does (grid_1d); x is sorted in place.
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void sortIgnoreZero(int *x, size_t N);

void sortIgnoreZero(std::vector<int> &x) {
  Buffer<int> dx(x);
  sortIgnoreZero<<<grid_1d(x.size()), kBlock>>>(dx.get(), x.size());
  launched("sortIgnoreZero");
  dx.to_host(x.data());
}
