// ParEval 03's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least as many threads as
// values in x; z goes to the GPU as the harness filled it, so an element the kernel skips shows.
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void axpy(double alpha, const double *x, const double *y, double *z, size_t N);

void axpy(double alpha, std::vector<double> const& x, std::vector<double> const& y, std::vector<double> &z) {
  const size_t n = x.size();
  z.resize(n);
  Buffer<double> dx(x), dy(y), dz(z);
  axpy<<<grid_1d(n), kBlock>>>(alpha, dx.get(), dy.get(), dz.get(), n);
  launched("axpy");
  dz.to_host(z.data());
}
