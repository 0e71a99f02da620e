// ParEval 37's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least N threads; the
// index starts at 0 (as ParEval's driver sets it).
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void findClosestToPi(const double *x, size_t N, size_t *closestToPiIndex);

size_t findClosestToPi(std::vector<double> const& x) {
  const size_t zero = 0;
  Buffer<double> dx(x);
  Buffer<size_t> di(&zero, 1);
  findClosestToPi<<<grid_1d(x.size()), kBlock>>>(dx.get(), x.size(), di.get());
  launched("findClosestToPi");
  return di.value();
}
