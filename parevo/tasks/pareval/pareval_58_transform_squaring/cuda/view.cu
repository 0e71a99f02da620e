// ParEval 58's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least as many threads as
// values in x; x is replaced in place.
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void squareEach(int *x, size_t N);

void squareEach(std::vector<int> &x) {
  Buffer<int> dx(x);
  squareEach<<<grid_1d(x.size()), kBlock>>>(dx.get(), x.size());
  launched("squareEach");
  dx.to_host(x.data());
}
