// ParEval 32's CUDA launch view (trusted; verify/cxx/cuda_view.hpp): at least as many threads as
// values in x; the sum starts at 0 (as ParEval's driver sets it).
#include "cuda_view.hpp"
using namespace parevo_cuda;

__global__ void sumOfPrefixSum(const double *x, size_t N, double *sum);

double sumOfPrefixSum(std::vector<double> const& x) {
  const double zero = 0;
  Buffer<double> dx(x), ds(&zero, 1);
  sumOfPrefixSum<<<grid_1d(x.size()), kBlock>>>(dx.get(), x.size(), ds.get());
  launched("sumOfPrefixSum");
  return ds.value();
}
