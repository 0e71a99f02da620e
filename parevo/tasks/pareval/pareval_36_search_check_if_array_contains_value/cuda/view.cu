// ParEval 36's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least N threads; found
// starts false.
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void contains(const int *x, size_t N, int target, bool *found);

bool contains(std::vector<int> const& x, int target) {
  const bool no = false;
  Buffer<int> dx(x);
  Buffer<bool> dfound(&no, 1);
  contains<<<grid_1d(x.size()), kBlock>>>(dx.get(), x.size(), target, dfound.get());
  launched("contains");
  return dfound.value();
}
