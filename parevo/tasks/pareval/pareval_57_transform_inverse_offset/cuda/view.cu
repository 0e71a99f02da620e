// ParEval 57's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least as many threads as
// values in x; x is replaced in place.
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void oneMinusInverse(double *x, size_t N);

void oneMinusInverse(std::vector<double> &x) {
  Buffer<double> dx(x);
  oneMinusInverse<<<grid_1d(x.size()), kBlock>>>(dx.get(), x.size());
  launched("oneMinusInverse");
  dx.to_host(x.data());
}
