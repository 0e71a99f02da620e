// ParEval 31's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least as many threads as
// values in x; x is replaced in place.
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void partialMinimums(float *x, size_t N);

void partialMinimums(std::vector<float> &x) {
  Buffer<float> dx(x);
  partialMinimums<<<grid_1d(x.size()), kBlock>>>(dx.get(), x.size());
  launched("partialMinimums");
  dx.to_host(x.data());
}
