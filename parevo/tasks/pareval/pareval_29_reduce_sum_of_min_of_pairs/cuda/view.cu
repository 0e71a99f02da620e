// ParEval 29's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least as many threads as
// values in x (x and y have the same length); the sum starts at 0 (as ParEval's driver sets it).
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void sumOfMinimumElements(const double *x, const double *y, size_t N, double *sum);

double sumOfMinimumElements(std::vector<double> const& x, std::vector<double> const& y) {
  const double zero = 0;
  Buffer<double> dx(x), dy(y), ds(&zero, 1);
  sumOfMinimumElements<<<grid_1d(x.size()), kBlock>>>(dx.get(), dy.get(), x.size(), ds.get());
  launched("sumOfMinimumElements");
  return ds.value();
}
