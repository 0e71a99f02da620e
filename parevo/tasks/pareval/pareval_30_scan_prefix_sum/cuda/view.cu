// ParEval 30's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least as many threads as
// elements in x; output goes to the GPU as the harness filled it.
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void prefixSum(const double *x, double *output, size_t N);

void prefixSum(std::vector<double> const& x, std::vector<double> &output) {
  const size_t n = x.size();
  output.resize(n);
  Buffer<double> dx(x), dout(output);
  prefixSum<<<grid_1d(n), kBlock>>>(dx.get(), dout.get(), n);
  launched("prefixSum");
  dout.to_host(output.data());
}
