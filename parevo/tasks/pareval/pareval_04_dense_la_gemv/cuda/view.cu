// ParEval 04's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least M threads; y goes
// to the GPU as the harness filled it (NaN; ParEval's driver leaves it unset), so an element the
// kernel skips shows.
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void gemv(const double *A, const double *x, double *y, size_t M, size_t N);

void gemv(std::vector<double> const& A, std::vector<double> const& x, std::vector<double> &y, size_t M, size_t N) {
  y.resize(M);
  Buffer<double> dA(A), dx(x), dy(y);
  gemv<<<grid_1d(M), kBlock>>>(dA.get(), dx.get(), dy.get(), M, N);
  launched("gemv");
  dy.to_host(y.data());
}
