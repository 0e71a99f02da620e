// ParEval 34's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least as many threads as
// values in x; the sum starts at INT_MIN, the maximum's neutral element (ParEval's driver starts
// it at 0, where a kernel that takes the maximum with atomics would answer 0 for an all-negative
// x, whose answer is its largest element).
#include <climits>
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void maximumSubarray(const int *x, size_t N, int *sum);

int maximumSubarray(std::vector<int> const& x) {
  const int none = INT_MIN;
  Buffer<int> dx(x), ds(&none, 1);
  maximumSubarray<<<grid_1d(x.size()), kBlock>>>(dx.get(), x.size(), ds.get());
  launched("maximumSubarray");
  return ds.value();
}
