// ParEval 42's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least as many threads as
// elements in x; ranks go to the GPU as the harness filled them.
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void ranks(const float *x, size_t *ranks, size_t N);

void ranks(std::vector<float> const& x, std::vector<size_t> &ranks_out) {
  const size_t n = x.size();
  ranks_out.resize(n);
  Buffer<float> dx(x);
  Buffer<size_t> dr(ranks_out);
  ranks<<<grid_1d(n), kBlock>>>(dx.get(), dr.get(), n);
  launched("ranks");
  dr.to_host(ranks_out.data());
}
