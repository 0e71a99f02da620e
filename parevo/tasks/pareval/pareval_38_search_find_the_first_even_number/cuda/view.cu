// ParEval 38's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least as many threads as
// values in x; the index starts at N, past every index (ParEval's driver starts it at N+1), so
// a kernel that takes the minimum index with atomics finds the first even one.
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void findFirstEven(const int *x, size_t N, size_t *firstEvenIndex);

size_t findFirstEven(std::vector<int> const& x) {
  const size_t past = x.size();
  Buffer<int> dx(x);
  Buffer<size_t> di(&past, 1);
  findFirstEven<<<grid_1d(x.size()), kBlock>>>(dx.get(), x.size(), di.get());
  launched("findFirstEven");
  return di.value();
}
