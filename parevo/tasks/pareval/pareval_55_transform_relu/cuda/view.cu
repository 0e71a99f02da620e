// ParEval 55's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least N threads.
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void relu(double *x, size_t N);

void relu(std::vector<double> &x) {
  Buffer<double> d(x);
  relu<<<grid_1d(x.size()), kBlock>>>(d.get(), x.size());
  launched("relu");
  d.to_host(x.data());
}
